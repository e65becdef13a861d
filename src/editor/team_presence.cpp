#include "team_presence.hpp"

#include <QAction>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QToolBar>
#include <algorithm>
#include <map>

#include "map_scene.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"

namespace cjm {

namespace {

// FNV-1a over the UTF-8 bytes: the same number for a name everywhere.
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261u;
    for (const char byte : text.toUtf8()) {
        hash ^= static_cast<quint8>(byte);
        hash *= 16777619u;
    }
    return hash;
}

constexpr int kAvatarSize = 24;

} // namespace

QColor teamColour(const QString &role)
{
    // Twelve hues far enough apart to tell two people apart, dark enough
    // for white initials and for an outline on a pale card.
    static const QColor kColours[] = {
        QColor(0xd3, 0x2f, 0x2f), QColor(0x19, 0x76, 0xd2), QColor(0x38, 0x8e, 0x3c), QColor(0x7b, 0x1f, 0xa2),
        QColor(0xf5, 0x7c, 0x00), QColor(0x00, 0x83, 0x8f), QColor(0xc2, 0x18, 0x5b), QColor(0x5d, 0x40, 0x37),
        QColor(0x30, 0x3f, 0x9f), QColor(0x68, 0x9f, 0x38), QColor(0x45, 0x5a, 0x64), QColor(0xaf, 0xb4, 0x2b),
    };
    constexpr auto count = sizeof(kColours) / sizeof(kColours[0]);
    return kColours[stableHash(role) % count];
}

QPixmap avatarPixmap(const QString &role, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(teamColour(role));
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(8, size * 2 / 5));
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initialsOf(role));
    return pixmap;
}

TeamAvatars::TeamAvatars(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(2);
    setAccessibleName(tr("People on this map"));
}

void TeamAvatars::setPeople(const std::vector<TeamPerson> &people)
{
    // One avatar per role: this window's role first, then in list order.
    QStringList roles;
    for (const TeamPerson &person : people)
        if (person.self && !roles.contains(person.role))
            roles << person.role;
    for (const TeamPerson &person : people)
        if (!roles.contains(person.role))
            roles << person.role;
    if (roles == m_roles)
        return;
    for (QLabel *avatar : std::as_const(m_avatars))
        delete avatar;
    m_avatars.clear();
    m_roles = roles;
    for (const QString &role : std::as_const(m_roles)) {
        QLabel *avatar = plainLabel(QString(), this);
        avatar->setTextInteractionFlags(Qt::NoTextInteraction);
        avatar->setPixmap(avatarPixmap(role, kAvatarSize, devicePixelRatioF()));
        avatar->setFixedSize(kAvatarSize, kAvatarSize);
        // The name is data: a plain tooltip, never read as markup.
        avatar->setToolTip(plainToolTip(role));
        avatar->setAccessibleName(role);
        avatar->setProperty("initials", initialsOf(role));
        m_layout->addWidget(avatar);
        m_avatars << avatar;
    }
    updateGeometry();
}

QStringList TeamAvatars::initials() const
{
    QStringList result;
    for (const QLabel *avatar : m_avatars)
        result << avatar->property("initials").toString();
    return result;
}

TeamSelectionOverlay::TeamSelectionOverlay(MapScene *scene) : m_scene(scene)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(1000);
    setFlag(QGraphicsItem::ItemHasNoContents, false);
    connect(scene, &MapScene::layoutChanged, this, [this] { relayout(); });
}

void TeamSelectionOverlay::setPeople(const std::vector<TeamPerson> &people)
{
    m_people.clear();
    for (const TeamPerson &person : people)
        if (!person.self && !person.selection.empty())
            m_people.push_back(person);
    relayout();
}

void TeamSelectionOverlay::relayout()
{
    std::vector<Outline> outlines;
    std::vector<QRectF> reaches;
    QRectF bounds;
    if (m_scene) {
        const MapLayout &layout = m_scene->mapLayout();
        // A card two people selected gets two rings, the second outside the first.
        std::map<std::string, int> rings;
        for (const TeamPerson &person : m_people) {
            const QColor colour = teamColour(person.role);
            bool labelled = false;
            for (const std::string &id : person.selection) {
                const std::optional<QRectF> card = layout.cardRect(id);
                if (!card)
                    continue; // hidden lane, another persona's focus, deleted meanwhile
                const int ring = rings[id]++;
                const qreal out = kGap + kPenWidth / 2 + ring * (kPenWidth + 1);
                Outline outline{person.role, colour, card->adjusted(-out, -out, out, out), !labelled};
                labelled = true;
                outlines.push_back(outline);
            }
        }
        const QFontMetricsF metrics(QFont{});
        for (const Outline &outline : outlines) {
            QRectF reach = outline.rect.adjusted(-kPenWidth, -kPenWidth, kPenWidth, kPenWidth);
            if (outline.labelled)
                reach |= QRectF(outline.rect.left() - kPenWidth, outline.rect.top() - metrics.height() - 6,
                                metrics.horizontalAdvance(outline.role) + 12 + kPenWidth, metrics.height() + 6);
            bounds |= reach;
            reaches.push_back(reach.adjusted(-1, -1, 1, 1)); // antialiased edges
        }
    }
    if (bounds != m_bounds)
        prepareGeometryChange();
    // Where the outlines were and are, each on its own: two cards far apart
    // are two small areas, not the map between them.
    std::vector<QRectF> repaint = std::move(m_reaches);
    repaint.insert(repaint.end(), reaches.begin(), reaches.end());
    m_bounds = bounds;
    m_outlines = std::move(outlines);
    m_reaches = std::move(reaches);
    if (m_scene && !repaint.empty())
        m_scene->repaintAreas(std::move(repaint));
}

QRectF TeamSelectionOverlay::boundingRect() const { return m_bounds; }

void TeamSelectionOverlay::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setBrush(Qt::NoBrush);
    for (const Outline &outline : m_outlines) {
        painter->setPen(QPen(outline.colour, kPenWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter->drawRoundedRect(outline.rect, 4, 4);
    }
    // Names over the rings, so no other outline hides them.
    const QFontMetricsF metrics(painter->font());
    for (const Outline &outline : m_outlines) {
        if (!outline.labelled)
            continue;
        const QRectF tag(outline.rect.left() - kPenWidth / 2, outline.rect.top() - metrics.height() - 4,
                         metrics.horizontalAdvance(outline.role) + 10, metrics.height() + 4);
        painter->setPen(Qt::NoPen);
        painter->setBrush(outline.colour);
        painter->drawRoundedRect(tag, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(tag, Qt::AlignCenter | Qt::TextSingleLine, outline.role);
    }
    painter->restore();
}

TeamPresence::TeamPresence(QToolBar *toolbar, MapScene *scene, QObject *parent)
    : QObject(parent), m_toolbar(toolbar), m_avatars(new TeamAvatars), m_scene(scene),
      m_overlay(new TeamSelectionOverlay(scene))
{
    if (toolbar)
        m_action = toolbar->addWidget(m_avatars);
    else
        m_avatars->setParent(nullptr);
    scene->addItem(m_overlay);
}

TeamPresence::~TeamPresence()
{
    if (m_scene) {
        m_overlay->setPeople({}); // the outlines go from the canvas too
        m_scene->removeItem(m_overlay);
        delete m_overlay;
    }
    if (m_toolbar && m_action) {
        m_toolbar->removeAction(m_action);
        delete m_action; // a QWidgetAction: deletes the avatars with it
    } else if (m_avatars && !m_avatars->parent()) {
        delete m_avatars;
    }
}

void TeamPresence::setPeople(const std::vector<TeamPerson> &people)
{
    if (m_avatars)
        m_avatars->setPeople(people);
    if (m_scene)
        m_overlay->setPeople(people);
}

} // namespace cjm
