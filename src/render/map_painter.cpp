#include "map_painter.hpp"

#include <QCoreApplication>
#include <QFontInfo>
#include <QHash>
#include <QLinearGradient>
#include <QPainterPath>
#include <QSvgRenderer>
#include <QTextBoundaryFinder>
#include <QTextLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "card_text.hpp"
#include "embedded_image.hpp"
#include "map_language.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

QSvgRenderer *svgIcon(const QString &path)
{
    // Icons are few and immutable: one renderer each for the process.
    static QHash<QString, QSvgRenderer *> icons;
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, new QSvgRenderer(path));
    return it.value()->isValid() ? it.value() : nullptr;
}

void drawIcon(QPainter *painter, const QString &path, const QRectF &rect)
{
    if (QSvgRenderer *renderer = svgIcon(path))
        renderer->render(painter, rect);
}

QString elided(const QString &text, const QFont &font, qreal width)
{
    return QFontMetricsF(font).elidedText(text, Qt::ElideRight, width);
}

// A font whose size grows as the map is zoomed out, so names stay legible,
// but never taller than `maxPixels` map units.
QFont legibleFont(QFont font, const PaintOptions &options, qreal maxPixels)
{
    if (options.levelOfDetail < 1.0 && options.levelOfDetail > 0) {
        const qreal wanted = font.pixelSize() / std::max(options.levelOfDetail, 0.05) * 0.75;
        font.setPixelSize(static_cast<int>(std::clamp<qreal>(wanted, font.pixelSize(), maxPixels)));
    }
    return font;
}

void drawFace(QPainter *painter, const QRectF &r, double score, const QColor &fill)
{
    painter->setPen(QPen(fill.darker(140), 1.2));
    painter->setBrush(fill);
    painter->drawEllipse(r);
    const qreal w = r.width();
    painter->setBrush(QColor(0x26, 0x32, 0x38));
    painter->setPen(Qt::NoPen);
    const qreal eye = w * 0.08;
    painter->drawEllipse(QPointF(r.left() + w * 0.34, r.top() + w * 0.38), eye, eye);
    painter->drawEllipse(QPointF(r.left() + w * 0.66, r.top() + w * 0.38), eye, eye);
    QPainterPath mouth;
    const qreal y = r.top() + w * 0.66;
    const qreal curve = static_cast<qreal>(std::clamp(score, -3.0, 3.0)) / 3.0 * w * 0.16;
    mouth.moveTo(r.left() + w * 0.3, y - curve / 2);
    mouth.quadTo(QPointF(r.center().x(), y + curve * 1.5), QPointF(r.left() + w * 0.7, y - curve / 2));
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(QColor(0x26, 0x32, 0x38), std::max<qreal>(1.2, w * 0.07), Qt::SolidLine, Qt::RoundCap));
    painter->drawPath(mouth);
}

const QColor kLowestMomentColor(0xdc, 0x26, 0x26);
const QColor kLowestMomentTextColor(0xb9, 0x1c, 0x1c);

QFont lowestMomentFont(const MapStyle &style)
{
    QFont font = style.smallFont;
    font.setBold(true);
    return font;
}

QString lowestMomentLabel() { return QCoreApplication::translate("MapPainter", "Lowest moment"); }

constexpr qreal kLowestMomentPenWidth = 2.5;
qreal lowestMomentRadius(const MapStyle &style) { return style.metrics.emotionFaceSize / 2 + 5; }

// Where the lowest moment's label may go round a face centred at `center`,
// in the order tried: right of the ring and left of it at the face's
// height, then level with the ring's bottom (where the curve, rising away
// from its lowest point, seldom is), then above the ring, then level with
// its top. Each keeps 5 units from the ring's pen, so the words never touch
// its dashes. lowestMomentReach covers all of them.
std::array<QRectF, 7> lowestMomentLabelPlaces(const MapStyle &style, const QPointF &center)
{
    const qreal width = QFontMetricsF(lowestMomentFont(style)).horizontalAdvance(lowestMomentLabel()) + 4, height = 18;
    const qreal radius = lowestMomentRadius(style);
    const qreal gap = radius + kLowestMomentPenWidth / 2 + 5;
    const qreal right = center.x() + gap, left = center.x() - gap - width;
    const qreal middle = center.y() - height / 2;
    return {
        QRectF(right, middle, width, height),
        QRectF(left, middle, width, height),
        QRectF(right, middle + radius, width, height),
        QRectF(left, middle + radius, width, height),
        QRectF(center.x() - width / 2, center.y() - gap - height, width, height),
        QRectF(right, middle - radius, width, height),
        QRectF(left, middle - radius, width, height),
    };
}

// The white behind an emotion's caption (its words' box from
// emotionCaptionRect): a little wider than the words, well inside the
// card's paint bounds (kCardOutlineReach).
QRectF emotionCaptionBacking(const QRectF &caption) { return caption.adjusted(-3, 0, 3, 1); }

// The curve's pen: thicker zoomed out, where it is all that shows of a row.
qreal curvePenWidth(const PaintOptions &options) { return options.levelOfDetail >= kBlockDetail ? 2.5 : 4.0; }
constexpr qreal kWidestCurvePen = 4.0;

// How far past its box a card's pixels reach: the find outline (3 px pen
// two units out), the selection outline, a sticky note's shadow, and a
// pixel of antialiasing.
constexpr qreal kCardOutlineReach = 5;

QColor parseColor(const std::optional<std::string> &value, const QColor &fallback)
{
    if (!value)
        return fallback;
    QColor c(toQString(*value));
    return c.isValid() ? c : fallback;
}

} // namespace

void drawWrappedText(QPainter *painter, const QRectF &rect, const QString &text, const QFont &font, int maxLines,
                     Qt::Alignment alignment)
{
    if (text.isEmpty() || rect.width() <= 0)
        return;
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(alignment & Qt::AlignHorizontal_Mask);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal height = 0;
    int lines = 0;
    bool more = false;
    int lastStart = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        if (lines == maxLines || height + line.height() > rect.height() + 0.5) {
            more = true;
            break;
        }
        line.setLineWidth(rect.width());
        line.setPosition(QPointF(0, height));
        lastStart = line.textStart();
        height += line.height();
        ++lines;
    }
    layout.endLayout();
    qreal top = rect.top();
    if (alignment & Qt::AlignVCenter)
        top += std::max<qreal>(0, (rect.height() - height) / 2);
    if (!more) {
        layout.draw(painter, QPointF(rect.left(), top));
        return;
    }
    // Draw all lines but the last, then the last one elided by hand.
    for (int i = 0; i < layout.lineCount() - 1 && i < lines - 1; ++i)
        layout.lineAt(i).draw(painter, QPointF(rect.left(), top));
    if (lines > 0) {
        const QTextLine last = layout.lineAt(lines - 1);
        QString rest = text.mid(lastStart);
        rest.replace(QChar::LineSeparator, QLatin1Char(' '));
        // Cut from an isolate, the rest is one of its own (see isolatedText),
        // so the ellipsis after it stays where it belongs.
        rest = isolatedText(rest);
        const QString shown = QFontMetricsF(font).elidedText(rest, Qt::ElideRight, rect.width());
        painter->setFont(font);
        const qreal baseline = top + last.y() + last.ascent();
        const qreal x = (alignment & Qt::AlignHCenter)
                            ? rect.left() + (rect.width() - QFontMetricsF(font).horizontalAdvance(shown)) / 2
                            : rect.left();
        painter->drawText(QPointF(x, baseline), shown);
    }
}

MapPainter::MapPainter(const Document &document, const MapLayout &layout)
    : m_document(document), m_layout(layout), m_style(layout.style())
{
}

QColor MapPainter::stageColor(int stage) const
{
    const Stage &s = m_document.stages().at(static_cast<std::size_t>(stage));
    return parseColor(s.color, m_style.defaultStageColor(static_cast<std::size_t>(stage)));
}

QColor MapPainter::personaColor(int band) const
{
    // A band is a persona, but not always the persona at the same index
    // (a focused view shows one band).
    const std::string &id = m_layout.bands().at(static_cast<std::size_t>(band)).personaId;
    const std::size_t index = m_document.personaIndex(id).value_or(0);
    return parseColor(m_document.personas().at(index).color, m_style.defaultPersonaColor(index));
}

void MapPainter::paintMap(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    paintBackground(painter, exposed, options);
    paintCards(painter, exposed, options);
}

void MapPainter::paintArea(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    paintBackground(painter, exposed, options);
    // Cards whose outlines, shadow or face reach in from just outside.
    const qreal reach = kCardOutlineReach + 2 + m_style.metrics.emotionFaceSize / 2;
    const QRectF near = exposed.adjusted(-reach, -reach, reach, reach);
    if (options.levelOfDetail < kBlockDetail) {
        paintCardBlocks(painter, near, options);
        return;
    }
    for (const std::string &id : m_layout.cardsIn(near))
        if (cardPaintBounds(id).intersects(exposed))
            paintCard(painter, id, *m_layout.cardRect(id), options);
}

void MapPainter::paintBackground(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const QRectF bounds = m_layout.bounds();
    if (!options.transparentBackground)
        painter->fillRect(exposed.intersected(bounds), m_style.backgroundColor());

    if (m_layout.titleRect().intersects(exposed))
        paintTitleBlock(painter, m_layout.titleRect(), options);

    auto [s0, s1] = m_layout.stageRange(exposed.left(), exposed.right());
    if (m_layout.stageHeaderRowRect().intersects(exposed) && s0 >= 0)
        for (int s = s0; s <= s1; ++s)
            paintStageHeader(painter, s, m_layout.stageHeaderRect(s), options);

    auto [b0, b1] = m_layout.bandRange(exposed.top(), exposed.bottom());
    if (b0 < 0) {
        painter->restore();
        return;
    }
    const qreal contentLeft = m_layout.contentLeft();
    for (int b = b0; b <= b1; ++b) {
        const auto &band = m_layout.bands()[b];
        const QRectF bandRect = m_layout.bandRect(b);
        // Cells are white on the light background, so bands read as blocks.
        painter->fillRect(QRectF(contentLeft, band.y, bounds.width() - contentLeft, band.height), Qt::white);
        if (exposed.left() < contentLeft) {
            paintPersonaHeader(painter, b, m_layout.personaHeaderRect(b), options);
            for (int r = 0; r < static_cast<int>(band.rows.size()); ++r)
                paintLaneLabel(painter, b, r, m_layout.laneLabelRect(b, r), options);
        }
        for (int r = 0; r < static_cast<int>(band.rows.size()); ++r) {
            const auto &row = band.rows[r];
            if (row.y > exposed.bottom() || row.y + row.height < exposed.top())
                continue;
            if (row.kind == LaneKind::Emotions)
                paintEmotionRow(painter, b, r, exposed, options);
            painter->setPen(QPen(m_style.gridColor(), 1));
            if (r > 0)
                painter->drawLine(QPointF(contentLeft, row.y), QPointF(bounds.width(), row.y));
        }
        painter->setPen(QPen(m_style.gridColor(), 1));
        if (s0 >= 0)
            for (int s = s0; s <= s1; ++s) {
                const qreal x = m_layout.stages()[s].x;
                painter->drawLine(QPointF(x, band.y), QPointF(x, band.y + band.height));
            }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_style.gridColor().darker(110), 1));
        painter->drawRect(bandRect.adjusted(0.5, 0.5, -0.5, -0.5));
    }
    painter->restore();
}

void MapPainter::paintCards(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    if (options.levelOfDetail < kBlockDetail) {
        paintCardBlocks(painter, exposed, options);
        return;
    }
    for (const std::string &id : m_layout.cardsIn(exposed))
        if (auto rect = m_layout.cardRect(id))
            paintCard(painter, id, *rect, options);
}

void MapPainter::paintCardBlocks(QPainter *painter, const QRectF &exposed, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    auto [s0, s1] = m_layout.stageRange(exposed.left(), exposed.right());
    auto [b0, b1] = m_layout.bandRange(exposed.top(), exposed.bottom());
    if (s0 < 0 || b0 < 0)
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    const auto &bands = m_layout.bands();
    for (int b = b0; b <= b1; ++b)
        for (int r = 0; r < static_cast<int>(bands[b].rows.size()); ++r) {
            const auto &row = bands[b].rows[r];
            if (row.y > exposed.bottom() || row.y + row.height < exposed.top())
                continue;
            const bool emotions = row.kind == LaneKind::Emotions;
            const QColor accent = m_style.kindColors(row.kind).accent;
            const QColor plain = accent.lighter(130); // a card without a colour of its own
            for (int s = s0; s <= s1; ++s) {
                const QPointF origin = m_layout.cellRect(b, r, s).topLeft();
                for (const MapLayout::CardBox &box : m_layout.cardsInCell(b, r, s)) {
                    const QRectF rect = box.rect.translated(origin);
                    if (!rect.adjusted(-4, -4, 4, 4).intersects(exposed))
                        continue;
                    const Card *card = m_document.card(box.cardId);
                    if (!card)
                        continue;
                    if (emotions) {
                        const qreal face = m_style.metrics.emotionFaceSize;
                        painter->setBrush(parseColor(card->color, m_style.emotionColor(card->score.value_or(0))));
                        painter->drawEllipse(QRectF(rect.center().x() - face / 2, rect.top(), face, face));
                    } else {
                        painter->fillRect(rect, card->color ? parseColor(card->color, accent).lighter(130) : plain);
                    }
                    const bool selected = options.selectedCards && options.selectedCards->count(box.cardId);
                    const bool highlighted = options.highlightedCards && options.highlightedCards->count(box.cardId);
                    if (selected || highlighted) {
                        paintCardOutlines(painter, row.kind, rect, selected, highlighted);
                        painter->setPen(Qt::NoPen);
                    }
                }
            }
        }
    painter->restore();
}

void MapPainter::paintTitleBlock(QPainter *painter, const QRectF &rect, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    painter->save();
    const Journey &j = m_document.journey();
    const MapMetrics &m = m_style.metrics;
    const QRectF inner = rect.adjusted(m.personaColumnWidth * 0.25, 14, -16, -8);
    const qreal legendWidth = options.showLegend ? std::min<qreal>(420, inner.width() * 0.45) : 0;
    const QRectF textRect = inner.adjusted(0, 0, -legendWidth - 16, 0);
    // Every text from the map is drawn as its own bidi isolate (isolatedText):
    // an override in one cannot turn around what is drawn after it.
    QString title = isolatedText(toQString(j.title));
    if (j.title.empty())
        title = QCoreApplication::translate("MapText", "Untitled journey map");
    painter->setPen(m_style.textColor());
    painter->setFont(m_style.titleFont);
    painter->drawText(QRectF(textRect.left(), textRect.top(), textRect.width(), 32), Qt::AlignLeft | Qt::AlignVCenter,
                      elided(title, m_style.titleFont, textRect.width()));
    QStringList facts{mapTypeDisplayName(j.type)};
    if (!j.segment.empty())
        facts << isolatedText(toQString(j.segment));
    if (!j.owner.empty())
        facts << QCoreApplication::translate("MapText", "Owner: %1").arg(isolatedText(toQString(j.owner)));
    if (!options.date.isEmpty())
        facts << options.date;
    painter->setFont(m_style.subtitleFont);
    painter->setPen(m_style.mutedTextColor());
    painter->drawText(QRectF(textRect.left(), textRect.top() + 34, textRect.width(), 20),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      elided(facts.join(QStringLiteral("  ·  ")), m_style.subtitleFont, textRect.width()));
    if (!j.goal.empty()) {
        painter->setPen(m_style.textColor());
        const QString goal = QCoreApplication::translate("MapText", "Goal: %1").arg(isolatedText(toQString(j.goal)));
        painter->drawText(QRectF(textRect.left(), textRect.top() + 56, textRect.width(), 20),
                          Qt::AlignLeft | Qt::AlignVCenter, elided(goal, m_style.subtitleFont, textRect.width()));
    }
    if (options.showLegend && legendWidth > 80)
        paintLegend(painter, QRectF(inner.right() - legendWidth, inner.top(), legendWidth, inner.height()));
    painter->restore();
}

void MapPainter::paintLegend(QPainter *painter, const QRectF &rect) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    // The kinds of the visible lanes, in lane order, each once.
    std::vector<LaneKind> kinds;
    for (const Lane &lane : m_document.lanes())
        if (!lane.hidden && std::find(kinds.begin(), kinds.end(), effectiveKind(lane.kind)) == kinds.end())
            kinds.push_back(effectiveKind(lane.kind));
    if (kinds.empty())
        return;
    painter->save();
    painter->setFont(m_style.smallFont);
    const int columns = kinds.size() > 6 ? 3 : 2;
    const qreal cellWidth = rect.width() / columns;
    const qreal cellHeight = 20;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const qreal x = rect.left() + static_cast<qreal>(i % columns) * cellWidth;
        const qreal y = rect.top() + static_cast<qreal>(i / columns) * cellHeight;
        if (y + cellHeight > rect.bottom() + 1)
            break;
        const KindColors colors = m_style.kindColors(kinds[i]);
        const QRectF swatch(x, y + 4, 12, 12);
        painter->setPen(QPen(colors.accent, 1));
        painter->setBrush(colors.fill);
        painter->drawRoundedRect(swatch, 2, 2);
        painter->fillRect(QRectF(swatch.left(), swatch.top(), 3, swatch.height()), colors.accent);
        painter->setPen(m_style.textColor());
        painter->drawText(QRectF(x + 18, y, cellWidth - 20, cellHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          elided(laneKindDisplayName(kinds[i]), m_style.smallFont, cellWidth - 20));
    }
    painter->restore();
}

void MapPainter::paintStageHeader(QPainter *painter, int stage, const QRectF &rect, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const Stage &s = m_document.stages().at(static_cast<std::size_t>(stage));
    const QColor color = stageColor(stage);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillRect(rect, QColor(0xf1, 0xf3, 0xf6));
    painter->fillRect(QRectF(rect.left(), rect.top(), rect.width(), 5), color);
    painter->setPen(QPen(m_style.gridColor(), 1));
    painter->drawLine(rect.topLeft(), rect.bottomLeft());
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());
    const QRectF inner = rect.adjusted(10, 9, -10, -4);
    const QString phase = phaseDisplayName(s.phase);
    const bool detailed = options.levelOfDetail >= kBlockDetail;
    const QFont nameFont = legibleFont(m_style.headerFont, options, inner.height() * 0.6);
    painter->setFont(nameFont);
    painter->setPen(m_style.textColor());
    const qreal nameHeight = detailed && !phase.isEmpty() ? inner.height() * 0.55 : inner.height();
    painter->drawText(QRectF(inner.left(), inner.top(), inner.width(), nameHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      elided(isolatedText(toQString(s.name)), nameFont, inner.width()));
    if (detailed && !phase.isEmpty()) {
        painter->setFont(m_style.smallFont);
        const qreal chipWidth = QFontMetricsF(m_style.smallFont).horizontalAdvance(phase) + 14;
        const QRectF chip(inner.left(), inner.top() + nameHeight + 2, std::min(chipWidth, inner.width()), 17);
        QColor chipColor = color;
        chipColor.setAlpha(40);
        painter->setPen(Qt::NoPen);
        painter->setBrush(chipColor);
        painter->drawRoundedRect(chip, 8, 8);
        painter->setPen(color.darker(150));
        painter->drawText(chip, Qt::AlignCenter, elided(phase, m_style.smallFont, chip.width() - 8));
    }
    painter->restore();
    if (options.heatStrip)
        paintHeatStrip(painter, stage, rect);
}

void MapPainter::paintHeatStrip(QPainter *painter, int stage, const QRectF &headerRect) const
{
    const StageTally &pain = m_layout.shownStageTally(stage);
    // Three high-severity findings make a stage fully red: an absolute scale,
    // so a stage reads the same whatever the other stages hold.
    const qreal heat = std::min<qreal>(1.0, pain.severity / 9.0);
    const QColor cool(0xfe, 0xf3, 0xc7), hot(0xdc, 0x26, 0x26);
    const QColor color = QColor::fromRgbF(cool.redF() + (hot.redF() - cool.redF()) * heat,
                                          cool.greenF() + (hot.greenF() - cool.greenF()) * heat,
                                          cool.blueF() + (hot.blueF() - cool.blueF()) * heat);
    const QRectF strip(headerRect.left() + 1, headerRect.bottom() - 7, headerRect.width() - 1, 6);
    painter->save();
    painter->fillRect(strip, pain.severity > 0 ? color : QColor(0xe5, 0xe7, 0xeb));
    if (pain.painPoints + pain.barriers > 0) {
        QFont font = m_style.smallFont; // sized in pixels, like every map font
        font.setPixelSize(std::max(8, qRound(QFontInfo(font).pixelSize() * 0.85)));
        painter->setFont(font);
        painter->setPen(heat > 0.6 ? hot.darker(140) : QColor(0x6b, 0x72, 0x80));
        const QString counts =
            QCoreApplication::translate("MapPainter", "%1 pain · %2 barrier").arg(pain.painPoints).arg(pain.barriers);
        painter->drawText(QRectF(headerRect.left(), strip.top() - 15, headerRect.width() - 8, 14),
                          Qt::AlignRight | Qt::AlignVCenter, counts);
    }
    painter->restore();
}

void MapPainter::paintPersonaHeader(QPainter *painter, int band, const QRectF &rect, const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const Persona *persona = m_document.persona(m_layout.bands().at(static_cast<std::size_t>(band)).personaId);
    if (!persona)
        return;
    const Persona &p = *persona;
    const QColor color = personaColor(band);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor tint = color;
    tint.setAlpha(30);
    painter->fillRect(rect, Qt::white);
    painter->fillRect(rect, tint);
    painter->fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), color);
    const QString name = toQString(p.name);
    // Badge: the avatar when there is one, else the initials.
    const qreal badge = std::min<qreal>(40, rect.width() - 16);
    const QRectF badgeRect(rect.center().x() - badge / 2 + 2, rect.top() + 10, badge, badge);
    bool drewAvatar = false;
    if (p.avatar && options.levelOfDetail >= kBlockDetail) {
        const DecodedImage decoded = decodeEmbeddedImage(*p.avatar);
        if (!decoded.image.isNull()) {
            QPainterPath clip;
            clip.addEllipse(badgeRect);
            painter->save();
            painter->setClipPath(clip, Qt::IntersectClip);
            painter->drawImage(badgeRect, decoded.image);
            painter->restore();
            drewAvatar = true;
        }
    }
    if (!drewAvatar) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(badgeRect);
        QFont initialsFont = m_style.headerFont;
        initialsFont.setPixelSize(static_cast<int>(badge * 0.38));
        painter->setFont(initialsFont);
        painter->setPen(Qt::white);
        painter->drawText(badgeRect, Qt::AlignCenter, isolatedText(initialsOf(name)));
    }
    const PersonaName written = personaNameLayout(name, rect, options);
    if (!written.area.isEmpty()) {
        painter->setFont(written.font);
        painter->setPen(m_style.textColor());
        if (written.upright) {
            for (const auto &[glyph, cell] : written.glyphs)
                painter->drawText(cell, Qt::AlignCenter, glyph);
        } else {
            const QRectF &area = written.area;
            painter->translate(area.center().x(), area.bottom());
            painter->rotate(-90);
            painter->drawText(QRectF(0, -area.width() / 2, area.height(), area.width()),
                              Qt::AlignLeft | Qt::AlignVCenter, written.text);
        }
    }
    painter->restore();
}

namespace {
// Whether most of a name's letters are Chinese, Japanese or Korean.
bool readsUpright(const QString &name)
{
    int letters = 0, eastAsian = 0;
    for (const char32_t c : name.toUcs4())
        if (QChar::isLetter(c)) {
            ++letters;
            eastAsian += isEastAsianScript(c);
        }
    return letters > 0 && eastAsian * 2 > letters;
}
} // namespace

MapPainter::PersonaName MapPainter::personaNameLayout(const QString &name, const QRectF &rect,
                                                      const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    PersonaName result;
    // Under the badge (see paintPersonaHeader), centred on it.
    const qreal badge = std::min<qreal>(40, rect.width() - 16);
    const qreal top = rect.top() + 10 + badge + 8;
    const qreal available = rect.bottom() - top - 8;
    if (available <= 20)
        return result;
    result.font = legibleFont(m_style.headerFont, options, rect.width() * 0.5);
    const qreal centerX = rect.center().x() + 2;
    result.area = QRectF(centerX - rect.width() / 2, top, rect.width(), available);
    result.upright = readsUpright(name);
    if (!result.upright) {
        result.text = elided(isolatedText(name), result.font, available);
        return result;
    }
    // One character per line. Invisible characters (bidi and other format
    // controls) take no line, a space half of one. A character alone on its
    // line has no neighbours to reorder, so no isolate is needed.
    QStringList characters;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, name);
    for (qsizetype start = 0, end = finder.toNextBoundary(); end > start; start = end, end = finder.toNextBoundary()) {
        const QString grapheme = name.mid(start, end - start);
        if (grapheme.at(0).category() == QChar::Other_Format || grapheme.at(0).category() == QChar::Other_Control)
            continue;
        characters.push_back(grapheme.at(0).isSpace() ? QString() : grapheme);
    }
    while (!characters.isEmpty() && characters.front().isEmpty())
        characters.pop_front();
    while (!characters.isEmpty() && characters.back().isEmpty())
        characters.pop_back();
    const qreal line = std::max<qreal>(QFontMetricsF(result.font).height(), result.font.pixelSize() * 1.15);
    auto height = [line](const QStringList &chars) {
        qreal h = 0;
        for (const QString &c : chars)
            h += c.isEmpty() ? line / 2 : line;
        return h;
    };
    if (height(characters) > available) {
        // The vertical ellipsis, as vertical Chinese text ends a cut phrase.
        const QString ellipsis = QStringLiteral("\uFE19");
        while (!characters.isEmpty() && height(characters) + line > available)
            characters.pop_back();
        while (!characters.isEmpty() && characters.back().isEmpty())
            characters.pop_back();
        characters.push_back(ellipsis);
    }
    qreal y = top;
    for (const QString &c : characters) {
        const qreal h = c.isEmpty() ? line / 2 : line;
        if (!c.isEmpty())
            result.glyphs.emplace_back(c, QRectF(centerX - line / 2, y, line, h));
        y += h;
    }
    return result;
}

void MapPainter::paintLaneLabel(QPainter *painter, int band, int row, const QRectF &rect,
                                const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const auto &laneRow = m_layout.bands().at(static_cast<std::size_t>(band)).rows.at(static_cast<std::size_t>(row));
    const Lane *lane = m_document.lane(laneRow.laneId);
    if (!lane)
        return;
    painter->save();
    painter->fillRect(rect, QColor(0xf7, 0xf8, 0xfa));
    painter->setPen(QPen(m_style.gridColor(), 1));
    painter->drawLine(rect.topRight(), rect.bottomRight());
    if (row > 0)
        painter->drawLine(rect.topLeft(), rect.topRight());
    const KindColors colors = m_style.kindColors(laneRow.kind);
    const QRectF icon(rect.left() + 10, rect.top() + 10, 18, 18);
    if (options.levelOfDetail >= kBlockDetail)
        drawIcon(painter, kindIconPath(laneRow.kind), icon);
    else
        painter->fillRect(icon, colors.accent);
    QFont bold = legibleFont(m_style.smallFont, options, std::min<qreal>(rect.height() * 0.5, 40));
    bold.setWeight(QFont::DemiBold);
    const QRectF textRect(icon.right() + 8, rect.top() + 10, rect.right() - icon.right() - 14, rect.height() - 14);
    const QString title = laneDisplayTitle(*lane);
    // Zoomed out the label grows, but never so much that a word breaks in
    // the middle ("Touchpo-ints"): shrink until the longest word fits.
    QString longest;
    for (const QString &word : title.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (word.size() > longest.size())
            longest = word;
    // Remembered per word, size and width: each size tried loads a font
    // engine, and zoomed out every lane label would try a dozen.
    const QString key = QStringLiteral("%1|%2|%3").arg(longest).arg(bold.pixelSize()).arg(textRect.width(), 0, 'f', 2);
    auto fitted = m_fittedLabelSizes.constFind(key);
    if (fitted == m_fittedLabelSizes.constEnd()) {
        while (bold.pixelSize() > m_style.smallFont.pixelSize() &&
               QFontMetricsF(bold).horizontalAdvance(longest) > textRect.width())
            bold.setPixelSize(bold.pixelSize() - 1);
        fitted = m_fittedLabelSizes.insert(key, bold.pixelSize());
    }
    bold.setPixelSize(fitted.value());
    painter->setFont(bold);
    painter->setPen(m_style.textColor());
    drawWrappedText(painter, textRect, isolatedText(title), bold, 3);
    if (laneRow.kind == LaneKind::Emotions && options.levelOfDetail >= kBlockDetail) {
        // The score scale beside the curve.
        painter->setFont(m_style.smallFont);
        painter->setPen(m_style.mutedTextColor());
        for (int score : {3, 0, -3}) {
            const qreal y = m_layout.emotionY(band, row, score);
            painter->drawText(QRectF(rect.right() - 30, y - 8, 24, 16), Qt::AlignRight | Qt::AlignVCenter,
                              score > 0 ? QStringLiteral("+%1").arg(score) : QString::number(score));
        }
    }
    painter->restore();
}

void MapPainter::paintEmotionRow(QPainter *painter, int band, int row, const QRectF &exposed,
                                 const PaintOptions &options) const
{
    const QRectF rect = m_layout.rowRect(band, row);
    painter->save();
    // Green (delight) at the top fading to red (frustration) at the bottom.
    // Opaque tints (the row is white underneath): PDF viewers do not all
    // honour translucent gradients, and the export must match the canvas.
    auto tint = [](const QColor &c) {
        const float a = 0.18f;
        return QColor::fromRgbF(1 - a + a * c.redF(), 1 - a + a * c.greenF(), 1 - a + a * c.blueF());
    };
    QLinearGradient gradient(rect.topLeft(), rect.bottomLeft());
    gradient.setColorAt(0, tint(m_style.emotionColor(3)));
    gradient.setColorAt(0.5, Qt::white);
    gradient.setColorAt(1, tint(m_style.emotionColor(-3)));
    painter->fillRect(rect.intersected(exposed), gradient);
    // The zero line, dashed, over the exposed part only. The dashes are
    // drawn as short solid lines counted from the row's left edge, not with
    // Qt's DashLine, whose phase follows where the line is clipped: a part
    // painted alone (a scrolled-in strip, an edited cell) must line up with
    // its neighbours.
    const qreal zeroY = m_layout.emotionY(band, row, 0);
    constexpr qreal kDash = 4, kDashPeriod = 6;
    const qreal dashFrom =
        std::max(rect.left(), rect.left() + std::floor((exposed.left() - rect.left()) / kDashPeriod) * kDashPeriod);
    const qreal dashTo = std::min(rect.right(), exposed.right() + kDashPeriod);
    QVector<QLineF> dashes;
    for (qreal x = dashFrom; x < dashTo; x += kDashPeriod)
        dashes.append(QLineF(x, zeroY, std::min(x + kDash, rect.right()), zeroY));
    painter->setPen(QPen(m_style.gridColor().darker(115), 1, Qt::SolidLine, Qt::FlatCap));
    painter->drawLines(dashes);

    // Only the segments near the exposed part: on a long map a repaint of
    // one cell need not stroke every stage's curve. The ends (with their
    // round caps) stay out of sight, and each segment is the one the whole
    // curve would have.
    const std::vector<CurveSegment> segments = emotionCurve(band, row);
    const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(segments.size());
    constexpr qreal kCurveReach = 12;       // past the pen's width and its round cap
    std::ptrdiff_t first = 0, last = count; // segments [first, last)
    while (first < last && segments[static_cast<std::size_t>(first)].bounds().right() < exposed.left() - kCurveReach)
        ++first;
    while (last > first && segments[static_cast<std::size_t>(last - 1)].bounds().left() > exposed.right() + kCurveReach)
        --last;
    paintTargetCurve(painter, band, row, segments, exposed, options);
    if (last > first) {
        QPainterPath curve(segments[static_cast<std::size_t>(first)].from);
        for (std::ptrdiff_t i = first; i < last; ++i) {
            const CurveSegment &segment = segments[static_cast<std::size_t>(i)];
            curve.cubicTo(segment.control1, segment.control2, segment.to);
        }
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(
            QPen(QColor(0x54, 0x6e, 0x7a), curvePenWidth(options), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(curve);
    }
    // The persona's lowest moment: a ring around the face and a label, on
    // the canvas and in exports alike.
    if (const auto mark = lowestMomentMark(band, row, options)) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(kLowestMomentColor, mark->penWidth, Qt::DashLine, Qt::FlatCap));
        const QRectF circle(mark->center - QPointF(mark->radius, mark->radius), QSizeF(2, 2) * mark->radius);
        if (mark->spanAngle >= 360)
            painter->drawEllipse(circle);
        else
            painter->drawArc(circle, qRound(mark->startAngle * 16), qRound(mark->spanAngle * 16));
        if (!mark->label.isEmpty()) {
            painter->setFont(lowestMomentFont(m_style));
            painter->setPen(kLowestMomentTextColor);
            painter->drawText(mark->label, Qt::AlignLeft | Qt::AlignVCenter, lowestMomentLabel());
        }
    }
    painter->restore();
}

void MapPainter::paintTargetCurve(QPainter *painter, int band, int row, const std::vector<CurveSegment> &felt,
                                  const QRectF &exposed, const PaintOptions &options) const
{
    const std::vector<TargetRun> runs = targetCurve(band, row);
    if (runs.empty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = personaColor(band);
    QColor shade = color;
    shade.setAlpha(48);
    // Each segment is stroked as its own path, so its dashes start at its
    // own first point: a part of the map painted alone (a scrolled-in
    // strip, an edited cell) draws the same dashes as the whole map does.
    QPen pen(color, curvePenWidth(options) - 0.5, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    pen.setDashPattern({3, 2});
    const qreal halfFace = m_style.metrics.emotionFaceSize / 2;
    for (const TargetRun &run : runs) {
        if (!targetPaintBounds(band, row, run.points.front().x(), run.points.back().x()).intersects(exposed))
            continue;
        if (run.segments.empty()) {
            // A lone target, its neighbours without one: a dashed tick the
            // face's width at its height, no curve to shade against.
            painter->setPen(pen);
            const QPointF p = run.points.front();
            painter->drawLine(QLineF(p.x() - halfFace, p.y(), p.x() + halfFace, p.y()));
            continue;
        }
        // The gap: along the felt curve over the run's points, back along
        // the target curve, filled as one path (translucent: the two must
        // not overlap where they meet).
        const std::size_t feltFirst = run.firstPoint;
        if (feltFirst + run.segments.size() <= felt.size()) {
            QPainterPath gap(felt[feltFirst].from);
            for (std::size_t i = 0; i < run.segments.size(); ++i) {
                const CurveSegment &segment = felt[feltFirst + i];
                gap.cubicTo(segment.control1, segment.control2, segment.to);
            }
            gap.lineTo(run.segments.back().to);
            for (auto segment = run.segments.rbegin(); segment != run.segments.rend(); ++segment)
                gap.cubicTo(segment->control2, segment->control1, segment->from);
            gap.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(shade);
            painter->drawPath(gap);
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(pen);
        for (const CurveSegment &segment : run.segments) {
            if (!curveSegmentPaintBounds(segment).intersects(exposed))
                continue;
            QPainterPath path(segment.from);
            path.cubicTo(segment.control1, segment.control2, segment.to);
            painter->drawPath(path);
        }
    }
    painter->restore();
}

std::optional<MapPainter::LowestMomentMark> MapPainter::lowestMomentMark(int band, int row,
                                                                         const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const std::string &id = m_layout.lowestMoment(band);
    if (options.lowestMomentsShown && !options.lowestMomentsShown->count(id))
        return std::nullopt; // a part of the map whose own lowest is not the persona's
    const auto place = id.empty() ? std::nullopt : m_layout.cardPlace(id);
    const Card *card = place && place->band == band && place->row == row ? m_document.card(id) : nullptr;
    const auto rect = card ? m_layout.cardRect(id) : std::nullopt;
    if (!rect)
        return std::nullopt;
    const qreal face = m_style.metrics.emotionFaceSize;
    LowestMomentMark mark;
    mark.cardId = id;
    mark.center = QPointF(rect->center().x(), rect->top() + face / 2);
    mark.radius = lowestMomentRadius(m_style);
    mark.penWidth = kLowestMomentPenWidth;
    mark.caption = emotionCaptionRect(*card, *rect, options);
    if (!mark.caption.isEmpty()) {
        // Open the ring where it would cross the caption: keep the arc (and
        // the pen's width around it, plus a pixel) above the caption's top.
        const qreal lowestY = mark.caption.top() - mark.penWidth / 2 - 1;
        const qreal below = lowestY - mark.center.y();
        if (below < mark.radius) {
            const qreal open = std::asin(std::clamp(below / mark.radius, -1.0, 1.0)) * 180 / std::numbers::pi;
            mark.startAngle = -open; // the arc's ends lie on y = lowestY
            mark.spanAngle = 180 + 2 * open;
        }
    }
    if (options.levelOfDetail < kBlockDetail)
        return mark; // no words at this size
    const auto candidates = lowestMomentLabelPlaces(m_style, mark.center);
    QRectF around;
    for (const QRectF &candidate : candidates)
        around |= candidate;
    // The label stays in its row, where the row's repaint reaches and an
    // export's picture does not cut it, and clear of every face and caption
    // near it (cards are painted over the row, so they would hide it too)
    // and of the emotion curve with its pen and two units each side (the
    // words drawn across the curve were hard to read).
    const QRectF rowRect = m_layout.rowRect(band, row);
    std::vector<QRectF> taken;
    const auto [s0, s1] = m_layout.stageRange(around.left(), around.right());
    for (int s = s0; s >= 0 && s <= s1; ++s) {
        const QPointF origin = m_layout.cellRect(band, row, s).topLeft();
        for (const MapLayout::CardBox &box : m_layout.cardsInCell(band, row, s)) {
            const QRectF boxRect = box.rect.translated(origin);
            taken.push_back(QRectF(boxRect.center().x() - face / 2, boxRect.top(), face, face));
            if (const Card *other = m_document.card(box.cardId))
                taken.push_back(emotionCaptionRect(*other, boxRect, options));
        }
    }
    QPainterPath curve;
    for (const CurveSegment &segment : emotionCurve(band, row))
        if (segment.bounds()
                .adjusted(-kWidestCurvePen, -kWidestCurvePen, kWidestCurvePen, kWidestCurvePen)
                .intersects(around)) {
            curve.moveTo(segment.from);
            curve.cubicTo(segment.control1, segment.control2, segment.to);
        }
    QPainterPathStroker stroker;
    stroker.setWidth(curvePenWidth(options) + 4);
    stroker.setCapStyle(Qt::RoundCap);
    const QPainterPath curveArea = curve.isEmpty() ? QPainterPath() : stroker.createStroke(curve);
    // The first place clear of everything; failing that, the first clear of
    // the faces and captions (the curve crossing it), as before.
    QRectF fallback;
    for (const QRectF &candidate : candidates) {
        const bool inRow = rowRect.contains(candidate);
        const bool clear = std::none_of(taken.begin(), taken.end(), [&](const QRectF &r) {
            return !r.isEmpty() && r.adjusted(-1, -1, 1, 1).intersects(candidate);
        });
        if (!inRow || !clear)
            continue;
        if (curveArea.isEmpty() || !curveArea.intersects(candidate)) {
            mark.label = candidate;
            return mark;
        }
        if (fallback.isEmpty())
            fallback = candidate;
    }
    mark.label = fallback;
    return mark;
}

std::vector<MapPainter::CurveSegment> MapPainter::emotionCurve(int band, int row) const
{
    std::vector<QPointF> points;
    for (const auto &point : m_layout.emotionPoints(band, row))
        points.push_back(point.second);
    return curveThrough(points, m_layout.emotionY(band, row, 3), m_layout.emotionY(band, row, -3));
}

std::vector<MapPainter::TargetRun> MapPainter::targetCurve(int band, int row) const
{
    const auto points = m_layout.emotionPoints(band, row);
    const qreal top = m_layout.emotionY(band, row, 3), bottom = m_layout.emotionY(band, row, -3);
    std::vector<TargetRun> runs;
    bool open = false; // whether the last point had a desired score
    for (std::size_t i = 0; i < points.size(); ++i) {
        const Card *card = m_document.card(points[i].first);
        if (!card || !card->desired) {
            open = false;
            continue;
        }
        if (!open)
            runs.push_back({i, {}, {}});
        open = true;
        runs.back().points.emplace_back(points[i].second.x(), m_layout.emotionY(band, row, *card->desired));
    }
    for (TargetRun &run : runs)
        run.segments = curveThrough(run.points, top, bottom);
    return runs;
}

std::vector<MapPainter::CurveSegment> MapPainter::curveThrough(const std::vector<QPointF> &points, qreal top,
                                                               qreal bottom)
{
    const std::ptrdiff_t count = static_cast<std::ptrdiff_t>(points.size());
    std::vector<CurveSegment> segments;
    if (count < 2)
        return segments;
    auto at = [&](std::ptrdiff_t i) {
        return points[static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(i, 0, count - 1))];
    };
    auto clampY = [&](QPointF p) { return QPointF(p.x(), std::clamp(p.y(), top, bottom)); };
    segments.reserve(static_cast<std::size_t>(count - 1));
    for (std::ptrdiff_t i = 0; i + 1 < count; ++i)
        segments.push_back({at(i), clampY(at(i) + (at(i + 1) - at(i - 1)) / 6.0),
                            clampY(at(i + 1) - (at(i + 2) - at(i)) / 6.0), at(i + 1)});
    return segments;
}

QRectF MapPainter::CurveSegment::bounds() const
{
    const auto [left, right] = std::minmax({from.x(), control1.x(), control2.x(), to.x()});
    const auto [top, bottom] = std::minmax({from.y(), control1.y(), control2.y(), to.y()});
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

QRectF MapPainter::curveSegmentPaintBounds(const CurveSegment &segment) const
{
    // Half the widest pen (its round cap and joins too) and a pixel of antialiasing.
    const qreal reach = kWidestCurvePen / 2 + 1;
    return segment.bounds().adjusted(-reach, -reach, reach, reach);
}

QRectF MapPainter::targetPaintBounds(int band, int row, qreal fromX, qreal toX) const
{
    // Every point, felt or desired, and every control point lies in the
    // row's score range (the felt points are the faces' centres), and the
    // row holds that range: the row's height covers both curves and the
    // shading between them.
    const QRectF rowRect = m_layout.rowRect(band, row);
    const qreal top = std::min(rowRect.top(), m_layout.emotionY(band, row, 3));
    const qreal bottom = std::max(rowRect.bottom(), m_layout.emotionY(band, row, -3));
    const qreal reach = kWidestCurvePen / 2 + 1;
    const qreal side = std::max(reach, m_style.metrics.emotionFaceSize / 2 + 1);
    return QRectF(QPointF(std::min(fromX, toX) - side, top - reach),
                  QPointF(std::max(fromX, toX) + side, bottom + reach));
}

QRectF MapPainter::cardPaintBounds(const QRectF &cardRect, LaneKind kind) const
{
    QRectF bounds = cardRect.adjusted(-kCardOutlineReach, -kCardOutlineReach, kCardOutlineReach, kCardOutlineReach);
    if (kind == LaneKind::Emotions) {
        // The face is centred on the box and may be wider; its outlines go
        // round the face two units out.
        const qreal face = m_style.metrics.emotionFaceSize;
        const QRectF faceRect(cardRect.center().x() - face / 2, cardRect.top(), face, face);
        const qreal reach = kCardOutlineReach + 2;
        bounds |= faceRect.adjusted(-reach, -reach, reach, reach);
    }
    return bounds;
}

QRectF MapPainter::cardPaintBounds(const std::string &cardId) const
{
    const auto place = m_layout.cardPlace(cardId);
    const auto rect = place ? m_layout.cardRect(cardId) : std::nullopt;
    if (!rect)
        return {};
    return cardPaintBounds(
        *rect, m_layout.bands()[static_cast<std::size_t>(place->band)].rows[static_cast<std::size_t>(place->row)].kind);
}

QRectF MapPainter::paintBounds() const
{
    // Past the last stage: a face centred in a crowded cell, with its
    // outlines, or the lowest moment's ring round it.
    const qreal face = m_style.metrics.emotionFaceSize;
    const qreal ring = lowestMomentRadius(m_style) + kLowestMomentPenWidth / 2 + 1;
    const qreal reach = std::max(face / 2 + kCardOutlineReach + 2, ring);
    return m_layout.bounds().adjusted(-reach, -reach, reach, reach);
}

QRectF MapPainter::lowestMomentReach(int band) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const std::string &id = m_layout.lowestMoment(band);
    const auto place = id.empty() ? std::nullopt : m_layout.cardPlace(id);
    const auto rect = place && place->band == band ? m_layout.cardRect(id) : std::nullopt;
    if (!rect)
        return {};
    // Where lowestMomentMark centres the ring: on the face.
    const QPointF faceCenter(rect->center().x(), rect->top() + m_style.metrics.emotionFaceSize / 2);
    // The ring with its pen and a pixel, and the label wherever it may go
    // (its bold letters may reach a pixel past their box).
    const qreal ring = lowestMomentRadius(m_style) + kLowestMomentPenWidth / 2 + 1;
    QRectF reach(faceCenter - QPointF(ring, ring), QSizeF(2 * ring, 2 * ring));
    for (const QRectF &place : lowestMomentLabelPlaces(m_style, faceCenter))
        reach |= place.adjusted(-1, -1, 1, 1);
    return reach;
}

QRectF MapPainter::heatStripBounds(int stage) const
{
    // The strip at the foot of the header and its counts over it (paintHeatStrip).
    const QRectF header = m_layout.stageHeaderRect(stage);
    return QRectF(header.left(), header.bottom() - 24, header.width(), 24);
}

std::vector<QRectF> MapPainter::personaHeaderContentReach(int band, const QRectF &rect) const
{
    // Antialiased edges and overhanging letters: a few units more.
    auto padded = [](const QRectF &r) { return r.adjusted(-3, -3, 3, 3); };
    // The badge, as paintPersonaHeader places it, with the gap under it.
    const qreal badge = std::min<qreal>(40, rect.width() - 16);
    std::vector<QRectF> reach{
        padded(QRectF(rect.left(), rect.top(), rect.width(), std::min(rect.height(), 10 + badge + 8)))};
    const Persona *persona = m_document.persona(m_layout.bands().at(static_cast<std::size_t>(band)).personaId);
    if (!persona)
        return reach;
    // legibleFont makes the name larger as the zoom gets smaller, up to a
    // limit: the largest (a tiny level of detail) reaches furthest, the
    // smallest (1 and above) is the other end.
    const QString name = toQString(persona->name);
    QRectF written;
    for (const qreal levelOfDetail : {1.0, 0.01}) {
        PaintOptions options;
        options.levelOfDetail = levelOfDetail;
        const PersonaName layout = personaNameLayout(name, rect, options);
        if (layout.area.isEmpty())
            continue;
        if (layout.upright) {
            for (const auto &glyph : layout.glyphs)
                written |= glyph.second;
        } else {
            // Rotated, it starts at the strip's foot and runs up (paintPersonaHeader).
            const qreal length =
                std::min(layout.area.height(), QFontMetricsF(layout.font).horizontalAdvance(layout.text));
            written |= QRectF(layout.area.left(), layout.area.bottom() - length, layout.area.width(), length);
        }
    }
    if (!written.isEmpty())
        reach.push_back(padded(written));
    return reach;
}

QRectF MapPainter::emotionCaptionRect(const Card &card, const QRectF &cardRect, const PaintOptions &options) const
{
    if (options.levelOfDetail < kBlockDetail)
        return {};
    const QString text = emotionCaption(card, cardRect);
    if (text.isEmpty())
        return {};
    const QRectF box = emotionCaptionBox(cardRect);
    const QFontMetricsF metrics(m_style.smallFont);
    if (wholeEmotionCaptions()) {
        // Wrapped to the room between neighbouring faces (a box is 1.6 times
        // that, for one line elided), so whole captions do not run into
        // their neighbours' (see MapLayout's emotion boxes).
        const qreal wrap = wholeEmotionCaptionWidth(box.width());
        const QRectF words =
            metrics.boundingRect(QRectF(0, 0, wrap, 100000), Qt::AlignHCenter | Qt::TextWordWrap, text);
        const qreal width = std::min(words.width(), wrap);
        return QRectF(box.center().x() - width / 2, box.top(), width,
                      std::max({box.height(), metrics.height(), words.height()}));
    }
    const qreal width = std::min(metrics.horizontalAdvance(text), box.width());
    return QRectF(box.center().x() - width / 2, box.top(), width, std::max(box.height(), metrics.height()));
}

// A style that shows every card's whole text (slides: cardTextMaxLines
// unlimited) shows each emotion's whole words too, wrapped under the face,
// as the PowerPoint deck does; the canvas keeps one elided line.
qreal MapPainter::wholeEmotionCaptionWidth(qreal boxWidth)
{
    return std::max(std::min<qreal>(60, boxWidth), boxWidth / 1.6);
}

bool MapPainter::wholeEmotionCaptions() const { return m_style.metrics.cardTextMaxLines >= 1000; }

QString MapPainter::emotionCaption(const Card &card, const QRectF &cardRect) const
{
    if (wholeEmotionCaptions())
        return cardDisplayText(card).simplified();
    return elided(cardDisplayText(card).simplified(), m_style.smallFont, cardRect.width());
}

QRectF MapPainter::emotionCaptionBox(const QRectF &cardRect) const
{
    const qreal face = m_style.metrics.emotionFaceSize;
    return QRectF(cardRect.left(), cardRect.top() + face + 1, cardRect.width(), kEmotionLabelHeight - 2);
}

void MapPainter::paintCard(QPainter *painter, const std::string &cardId, const QRectF &rect,
                           const PaintOptions &options) const
{
    const MapLanguageScope language(m_document); // the map's words in the map's language
    const Card *card = m_document.card(cardId);
    if (!card)
        return;
    const LaneKind kind = m_document.cardKind(*card);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = options.selectedCards && options.selectedCards->count(cardId);
    const bool highlighted = options.highlightedCards && options.highlightedCards->count(cardId);
    if (kind == LaneKind::Emotions) {
        paintEmotionCard(painter, *card, rect, options);
    } else {
        const MapMetrics &m = m_style.metrics;
        const KindColors colors = m_style.kindColors(kind);
        const QColor accent = parseColor(card->color, colors.accent);
        const QColor fill = card->color ? QColor(accent).lighter(185) : colors.fill;
        if (options.levelOfDetail < kBlockDetail) {
            painter->fillRect(rect, accent.lighter(130));
        } else if (kind == LaneKind::Thoughts) {
            // A sticky note: square, with a folded corner and a soft shadow.
            painter->fillRect(rect.translated(1.5, 2), QColor(0, 0, 0, 28));
            QPainterPath note;
            const qreal fold = 12;
            note.moveTo(rect.topLeft());
            note.lineTo(rect.topRight());
            note.lineTo(rect.right(), rect.bottom() - fold);
            note.lineTo(rect.right() - fold, rect.bottom());
            note.lineTo(rect.bottomLeft());
            note.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawPath(note);
            QPainterPath corner;
            corner.moveTo(rect.right(), rect.bottom() - fold);
            corner.lineTo(rect.right() - fold, rect.bottom() - fold);
            corner.lineTo(rect.right() - fold, rect.bottom());
            corner.closeSubpath();
            painter->setBrush(fill.darker(112));
            painter->drawPath(corner);
        } else {
            painter->setPen(QPen(accent.lighter(150), 1, card->direct ? Qt::SolidLine : Qt::DashLine));
            painter->setBrush(fill);
            painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
            QPainterPath stripe;
            stripe.addRoundedRect(QRectF(rect.left(), rect.top(), 10, rect.height()), 6, 6);
            painter->save();
            painter->setClipRect(QRectF(rect.left(), rect.top(), kCardAccentWidth, rect.height()), Qt::IntersectClip);
            painter->fillPath(stripe, accent);
            painter->restore();
        }
        if (options.levelOfDetail >= kBlockDetail) {
            QRectF content =
                rect.adjusted(m.cardPadding + kCardAccentWidth, m.cardPadding, -m.cardPadding, -m.cardPadding);
            if (card->image) {
                const DecodedImage decoded = decodeEmbeddedImage(*card->image);
                const QRectF imageArea(content.left(), content.top(), content.width(), m.cardImageHeight);
                if (!decoded.image.isNull()) {
                    QSizeF size = QSizeF(decoded.image.size()).scaled(imageArea.size(), Qt::KeepAspectRatio);
                    painter->drawImage(
                        QRectF(QPointF(imageArea.center().x() - size.width() / 2, imageArea.top()), size),
                        decoded.image);
                } else {
                    painter->fillRect(imageArea, QColor(0xec, 0xef, 0xf1));
                }
                content.setTop(imageArea.bottom() + m.cardGap);
            }
            const bool footer = cardHasFooter(*card, kind);
            if (footer)
                content.setBottom(content.bottom() - m.cardFooterHeight);
            painter->setPen(m_style.textColor());
            drawWrappedText(painter, content, cardDisplayText(*card), m_style.cardFont, m.cardTextMaxLines);
            if (footer)
                paintCardFooter(painter, *card, kind,
                                QRectF(content.left(), content.bottom() + 2, content.width(), m.cardFooterHeight - 2));
        }
    }
    paintCardOutlines(painter, kind, rect, selected, highlighted);
    painter->restore();
}

void MapPainter::paintCardOutlines(QPainter *painter, LaneKind kind, const QRectF &rect, bool selected,
                                   bool highlighted) const
{
    if (!selected && !highlighted)
        return;
    // An emotion is its face: outlines go round the face, not its label box.
    const qreal face = m_style.metrics.emotionFaceSize;
    const QRectF outline = kind == LaneKind::Emotions
                               ? QRectF(rect.center().x() - face / 2, rect.top(), face, face).adjusted(-2, -2, 2, 2)
                               : rect;
    const qreal radius = kind == LaneKind::Emotions ? outline.width() / 2 : 7;
    if (highlighted) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(0xff, 0xb3, 0x00), 3));
        painter->drawRoundedRect(outline.adjusted(-2, -2, 2, 2), radius + 2, radius + 2);
    }
    if (selected) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
        painter->drawRoundedRect(outline.adjusted(-1, -1, 1, 1), radius + 1, radius + 1);
    }
}

void MapPainter::paintEmotionFace(QPainter *painter, const QRectF &rect, double score) const
{
    painter->save();
    drawFace(painter, rect, score, m_style.emotionColor(score));
    painter->restore();
}

void MapPainter::paintEmotionCard(QPainter *painter, const Card &card, const QRectF &rect,
                                  const PaintOptions &options) const
{
    const double score = card.score.value_or(0);
    const qreal face = m_style.metrics.emotionFaceSize;
    const QRectF faceRect(rect.center().x() - face / 2, rect.top(), face, face);
    const QColor color = parseColor(card.color, m_style.emotionColor(score));
    if (options.levelOfDetail < kBlockDetail) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(faceRect);
        return;
    }
    drawFace(painter, faceRect, score, color);
    const QString text = emotionCaption(card, rect);
    if (!text.isEmpty()) {
        // On a backing of the row's white, so the dashed zero line or the
        // curve passing behind the words does not strike them through.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 220));
        painter->drawRoundedRect(emotionCaptionBacking(emotionCaptionRect(card, rect, options)), 3, 3);
        painter->restore();
        painter->setFont(m_style.smallFont);
        painter->setPen(m_style.textColor());
        if (wholeEmotionCaptions()) {
            const QRectF box = emotionCaptionBox(rect);
            const qreal wrap = wholeEmotionCaptionWidth(box.width());
            painter->drawText(
                QRectF(box.center().x() - wrap / 2, box.top(), wrap, emotionCaptionRect(card, rect, options).height()),
                Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
        } else {
            painter->drawText(emotionCaptionBox(rect), Qt::AlignHCenter | Qt::AlignTop, text);
        }
    }
}

void MapPainter::paintCardFooter(QPainter *painter, const Card &card, LaneKind kind, const QRectF &rect) const
{
    painter->save();
    painter->setFont(m_style.smallFont);
    const QFontMetricsF metrics(m_style.smallFont);
    const KindColors colors = m_style.kindColors(kind);
    qreal x = rect.left();
    const qreal right = rect.right();
    const qreal midY = rect.center().y();
    auto label = [&](const QString &text, const QColor &color) {
        if (x >= right - 8)
            return;
        const QString shown = elided(text, m_style.smallFont, right - x);
        painter->setPen(color);
        painter->drawText(QRectF(x, rect.top(), right - x, rect.height()), Qt::AlignLeft | Qt::AlignVCenter, shown);
        x += metrics.horizontalAdvance(shown) + 8;
    };
    auto dots = [&](int filled, const QColor &color) {
        for (int i = 0; i < 3; ++i) {
            painter->setPen(QPen(color, 1));
            painter->setBrush(i < filled ? color : Qt::transparent);
            painter->drawEllipse(QPointF(x + 4 + i * 10, midY), 3.5, 3.5);
        }
        x += 34;
    };
    // Comment count sits at the right edge; the rest flows from the left.
    if (!card.comments.empty()) {
        const QString count = QString::number(card.comments.size());
        const qreal w = metrics.horizontalAdvance(count) + 18;
        const QRectF bubble(right - w, midY - 7, 14, 11);
        painter->setPen(QPen(m_style.mutedTextColor(), 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(bubble, 3, 3);
        painter->drawText(QRectF(right - w + 16, rect.top(), w - 16, rect.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          count);
    }
    const qreal textRight = right;
    (void)textRight;
    switch (kind) {
    case LaneKind::Touchpoints:
        if (!card.channel.empty()) {
            painter->save();
            drawIcon(painter, channelIconPath(card.channel), QRectF(x, midY - 8, 16, 16));
            painter->restore();
            x += 20;
            label(isolatedText(channelDisplayName(card.channel)), m_style.mutedTextColor());
        }
        if (!card.direct)
            label(QCoreApplication::translate("MapText", "indirect"), m_style.mutedTextColor());
        if (card.audit) {
            const Audit &a = *card.audit;
            int rated = 0, sum = 0;
            for (int v : {a.simple, a.appropriate, a.relevant, a.meaningful, a.engaging, a.personal})
                if (v > 0) {
                    ++rated;
                    sum += v;
                }
            if (rated > 0)
                label(QStringLiteral("★ %1").arg(static_cast<double>(sum) / rated, 0, 'f', 1),
                      QColor(0xc7, 0x8b, 0x00));
        }
        break;
    case LaneKind::PainPoints:
    case LaneKind::Barriers: {
        dots(card.severity, colors.accent);
        static const char *const names[] = {QT_TRANSLATE_NOOP("MapText", "Low"), QT_TRANSLATE_NOOP("MapText", "Medium"),
                                            QT_TRANSLATE_NOOP("MapText", "High")};
        label(QCoreApplication::translate("MapText", names[std::clamp(card.severity, 1, 3) - 1]),
              colors.accent.darker(130));
        break;
    }
    case LaneKind::Opportunities:
        dots(card.impact, colors.accent);
        label(statusDisplayName(card.status), colors.accent.darker(140));
        break;
    case LaneKind::Kpis:
        if (card.metric) {
            const Metric &metric = *card.metric;
            QString text = metric.value ? QString::number(*metric.value) : QStringLiteral("–");
            if (metric.target)
                text += QStringLiteral(" / ") + QString::number(*metric.target);
            if (metric.unit)
                text += QStringLiteral(" ") + isolatedText(toQString(*metric.unit));
            label(text, colors.accent.darker(130));
        }
        break;
    default: break;
    }
    for (const std::string &tag : card.tags)
        label(QStringLiteral("#") + isolatedText(toQString(tag)), m_style.mutedTextColor());
    painter->restore();
}

} // namespace cjm
