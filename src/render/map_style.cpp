#include "map_style.hpp"

#include <QCoreApplication>
#include <QTextBoundaryFinder>
#include <algorithm>
#include <utility>

#include "qt_text.hpp"

namespace cjm {

namespace {
constexpr qreal kNoLigatureSpacing = 1.0 / 64;

QFont makeFont(int pixelSize, QFont::Weight weight = QFont::Normal)
{
    QFont font;
    // Qt picks, per character, the first family that has it: Latin from
    // Noto Sans, Chinese from WenQuanYi Micro Hei, then Noto Sans CJK and
    // DejaVu for anything else. WenQuanYi comes before Noto CJK for a reason
    // that only shows in PDFs: Qt maps each embedded glyph back to the lowest
    // code point that uses it, and Noto CJK shares glyphs between common
    // characters and the CJK radical blocks (门 with ⻔ U+2ED4), so text copied
    // or searched in the PDF would come out as radicals. WenQuanYi has no
    // radical blocks, so its glyphs map back to the characters drawn.
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("WenQuanYi Micro Hei"),
                      QStringLiteral("Noto Sans CJK SC"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(pixelSize);
    font.setWeight(weight);
    font.setHintingPreference(QFont::PreferNoHinting); // the same metrics on screen and in PDF
    return font;
}
} // namespace

MapStyle::MapStyle()
    : titleFont(makeFont(24, QFont::Bold)), subtitleFont(makeFont(13)), headerFont(makeFont(15, QFont::DemiBold)),
      smallFont(makeFont(11)), cardFont(makeFont(13))
{
}

const MapStyle &MapStyle::standard()
{
    static const MapStyle style;
    return style;
}

const MapStyle &MapStyle::textAsTyped()
{
    // No ligatures: a PDF's text is copied and searched as its glyphs map
    // back, and "ﬁ" (U+FB01) is not "fi", so "confirmation" would not be
    // found. Qt 6.4 has no QFont::setFeatures; its shaper turns the optional
    // ligatures (liga, clig, dlig, hlig) off for letter-spaced text, except
    // in scripts that need them to be written at all (Arabic, Indic), so a
    // spacing of 1/64 pixel (the smallest Qt keeps) does that and no more.
    // Not the canvas's style: zero-width characters (bidi controls) take
    // that 1/64 pixel too.
    static const MapStyle style = [] {
        MapStyle spaced;
        for (QFont *font :
             {&spaced.titleFont, &spaced.subtitleFont, &spaced.headerFont, &spaced.smallFont, &spaced.cardFont})
            font->setLetterSpacing(QFont::AbsoluteSpacing, kNoLigatureSpacing);
        return spaced;
    }();
    return style;
}

KindColors MapStyle::kindColors(LaneKind kind) const
{
    switch (effectiveKind(kind)) {
    case LaneKind::Touchpoints: return {QColor(0x4a, 0x90, 0xd9), QColor(0xe6, 0xf0, 0xfb)};
    case LaneKind::Actions: return {QColor(0x2b, 0xb3, 0xa3), QColor(0xe0, 0xf5, 0xf2)};
    case LaneKind::Thoughts: return {QColor(0xd4, 0xa3, 0x00), QColor(0xff, 0xf4, 0xb8)};
    case LaneKind::Emotions: return {QColor(0xe0, 0x66, 0x9a), QColor(0xfb, 0xe6, 0xef)};
    case LaneKind::PainPoints: return {QColor(0xe0, 0x52, 0x52), QColor(0xfd, 0xe6, 0xe6)};
    case LaneKind::Opportunities: return {QColor(0x3f, 0xae, 0x5a), QColor(0xe2, 0xf4, 0xe6)};
    case LaneKind::Barriers: return {QColor(0xe8, 0x83, 0x3a), QColor(0xfd, 0xec, 0xde)};
    case LaneKind::Owners: return {QColor(0x8e, 0x6b, 0xbf), QColor(0xef, 0xe8, 0xf8)};
    case LaneKind::Kpis: return {QColor(0x3f, 0x5b, 0xd9), QColor(0xe5, 0xe9, 0xfb)};
    default: return {QColor(0x8a, 0x8f, 0x98), QColor(0xee, 0xf0, 0xf2)};
    }
}

QColor MapStyle::defaultStageColor(std::size_t index) const
{
    static const QColor palette[] = {QColor(0x4a, 0x90, 0xd9), QColor(0x7e, 0x57, 0xc2), QColor(0xf0, 0x9a, 0x3e),
                                     QColor(0x2b, 0xb3, 0xa3), QColor(0xe0, 0x66, 0x9a), QColor(0x5c, 0x6b, 0xc0)};
    return palette[index % std::size(palette)];
}

QColor MapStyle::defaultPersonaColor(std::size_t index) const
{
    static const QColor palette[] = {QColor(0x3f, 0x7c, 0xac), QColor(0xb5, 0x65, 0x76), QColor(0x5b, 0x8c, 0x5a),
                                     QColor(0x8d, 0x6e, 0x63), QColor(0x6d, 0x5d, 0xa8), QColor(0x2e, 0x8b, 0x8b)};
    return palette[index % std::size(palette)];
}

QColor MapStyle::emotionColor(double score) const
{
    const QColor red(0xe0, 0x52, 0x52), amber(0xf2, 0xb1, 0x3c), green(0x3f, 0xae, 0x5a);
    const double t = std::clamp(score / 3.0, -1.0, 1.0);
    auto mix = [](const QColor &a, const QColor &b, double f) {
        return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                                static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                                static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
    };
    return t < 0 ? mix(amber, red, -t) : mix(amber, green, t);
}

QString laneKindDisplayName(LaneKind kind)
{
    switch (effectiveKind(kind)) {
    case LaneKind::Touchpoints: return QCoreApplication::translate("MapText", "Touchpoints");
    case LaneKind::Actions: return QCoreApplication::translate("MapText", "Actions");
    case LaneKind::Thoughts: return QCoreApplication::translate("MapText", "Thoughts");
    case LaneKind::Emotions: return QCoreApplication::translate("MapText", "Emotions");
    case LaneKind::PainPoints: return QCoreApplication::translate("MapText", "Pain points");
    case LaneKind::Opportunities: return QCoreApplication::translate("MapText", "Opportunities");
    case LaneKind::Barriers: return QCoreApplication::translate("MapText", "Barriers");
    case LaneKind::Owners: return QCoreApplication::translate("MapText", "Department");
    case LaneKind::Kpis: return QCoreApplication::translate("MapText", "KPIs");
    default: return QCoreApplication::translate("MapText", "Notes");
    }
}

QString laneDisplayTitle(const Lane &lane)
{
    return lane.title.empty() ? laneKindDisplayName(lane.kind) : toQString(lane.title);
}

QString phaseDisplayName(Phase phase)
{
    switch (phase) {
    case Phase::Before: return QCoreApplication::translate("MapText", "Before purchase");
    case Phase::During: return QCoreApplication::translate("MapText", "During purchase");
    case Phase::After: return QCoreApplication::translate("MapText", "After purchase");
    default: return {};
    }
}

QString mapTypeDisplayName(MapType type)
{
    switch (type) {
    case MapType::Current: return QCoreApplication::translate("MapText", "Current state");
    case MapType::Future: return QCoreApplication::translate("MapText", "Future state");
    case MapType::DayInLife: return QCoreApplication::translate("MapText", "Day in the life");
    }
    return {};
}

QString statusDisplayName(OpportunityStatus status)
{
    switch (status) {
    case OpportunityStatus::Idea: return QCoreApplication::translate("MapText", "Idea");
    case OpportunityStatus::Planned: return QCoreApplication::translate("MapText", "Planned");
    case OpportunityStatus::InProgress: return QCoreApplication::translate("MapText", "In progress");
    case OpportunityStatus::Done: return QCoreApplication::translate("MapText", "Done");
    }
    return {};
}

QString channelDisplayName(const std::string &channel)
{
    static const std::pair<const char *, const char *> names[] = {
        {"website", QT_TRANSLATE_NOOP("MapText", "Website")},
        {"mobileApp", QT_TRANSLATE_NOOP("MapText", "Mobile app")},
        {"email", QT_TRANSLATE_NOOP("MapText", "Email")},
        {"phone", QT_TRANSLATE_NOOP("MapText", "Phone")},
        {"liveChat", QT_TRANSLATE_NOOP("MapText", "Live chat")},
        {"socialMedia", QT_TRANSLATE_NOOP("MapText", "Social media")},
        {"advertising", QT_TRANSLATE_NOOP("MapText", "Advertising")},
        {"store", QT_TRANSLATE_NOOP("MapText", "Store")},
        {"event", QT_TRANSLATE_NOOP("MapText", "Event")},
        {"print", QT_TRANSLATE_NOOP("MapText", "Print")},
        {"wordOfMouth", QT_TRANSLATE_NOOP("MapText", "Word of mouth")},
        {"reviews", QT_TRANSLATE_NOOP("MapText", "Reviews")},
        {"directory", QT_TRANSLATE_NOOP("MapText", "Directory")},
        {"ivr", QT_TRANSLATE_NOOP("MapText", "IVR")},
        {"sms", QT_TRANSLATE_NOOP("MapText", "SMS")},
        {"helpCenter", QT_TRANSLATE_NOOP("MapText", "Help centre")},
        {"packaging", QT_TRANSLATE_NOOP("MapText", "Packaging")},
        {"billing", QT_TRANSLATE_NOOP("MapText", "Billing")},
        {"survey", QT_TRANSLATE_NOOP("MapText", "Survey")},
    };
    for (const auto &[id, name] : names)
        if (channel == id)
            return QCoreApplication::translate("MapText", name);
    return toQString(channel); // free text is shown as written
}

QString channelIconPath(const std::string &channel)
{
    for (auto known : kKnownChannels)
        if (known == channel)
            return QStringLiteral(":/icons/channels/%1.svg").arg(toQString(channel));
    return QStringLiteral(":/icons/channels/other.svg");
}

QString kindIconPath(LaneKind kind)
{
    return QStringLiteral(":/icons/kinds/%1.svg").arg(toQString(toString(effectiveKind(kind))));
}

bool isEastAsianScript(char32_t ucs4)
{
    switch (QChar::script(ucs4)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo: return true;
    default: return false;
    }
}

namespace {
// The first user-perceived character of `text`: a surrogate pair, an emoji
// with its modifiers or a letter with its accents stays whole.
QString firstGrapheme(const QString &text)
{
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    const qsizetype end = finder.toNextBoundary();
    return text.left(end > 0 ? end : text.size());
}

// Words are separated by spaces and punctuation ("Maya, the marathon
// beginner"); an apostrophe or hyphen inside a name ("O'Brien", "Jean-Luc")
// keeps it one word.
QStringList nameWords(const QString &name)
{
    QStringList words;
    QString word;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool joiner = c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('-') || c == QChar(0x2010);
        if (c.isSpace() || (c.isPunct() && !(joiner && !word.isEmpty()))) {
            if (!word.isEmpty())
                words.push_back(std::exchange(word, QString()));
            continue;
        }
        word += c;
    }
    if (!word.isEmpty())
        words.push_back(word);
    return words;
}

bool isArticle(const QString &word)
{
    return word.compare(QLatin1String("the"), Qt::CaseInsensitive) == 0 ||
           word.compare(QLatin1String("a"), Qt::CaseInsensitive) == 0 ||
           word.compare(QLatin1String("an"), Qt::CaseInsensitive) == 0;
}
} // namespace

QString initialsOf(const QString &name)
{
    const QStringList words = nameWords(name);
    if (words.isEmpty())
        return QStringLiteral("?");
    // A Chinese, Japanese or Korean name is read by its first character
    // (the family name): "王小明" is "王", not "王小".
    const QString first = firstGrapheme(words[0]);
    if (isEastAsianScript(first.toUcs4().value(0)))
        return first;
    // The first letters of the first two words that are not articles.
    QList<qsizetype> kept;
    for (qsizetype i = 0; i < words.size(); ++i)
        if (!isArticle(words[i]))
            kept.push_back(i);
    // With one word left the article before it counts ("the A team" is
    // "AT"); with none, the name is all articles and is taken as written.
    if (kept.size() == 1 && kept[0] > 0)
        kept.push_front(kept[0] - 1);
    else if (kept.isEmpty())
        kept = words.size() > 1 ? QList<qsizetype>{0, 1} : QList<qsizetype>{0};
    QString initials;
    for (qsizetype i = 0; i < std::min<qsizetype>(kept.size(), 2); ++i)
        initials += firstGrapheme(words[kept[i]]).toUpper();
    return initials;
}

} // namespace cjm
