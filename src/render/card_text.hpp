#pragma once
// Small facts about how a card is shown, shared by the layout (to size it)
// and the painter (to draw it), so the two can never disagree.

#include <QString>

#include "cjm/model.hpp"
#include "qt_text.hpp"

namespace cjm {

inline constexpr qreal kCardAccentWidth = 4;     // coloured stripe on a card's left edge
inline constexpr qreal kEmotionLabelHeight = 18; // the feeling's words under its face

// A text from the map as it is drawn, as if it were its own paragraph: its
// direction comes from its own first strong character, and nothing drawn
// after it in the same line (the next part of a joined line, an ellipsis)
// changes direction or order because of it. A text with right-to-left
// letters or digits, or with bidi controls, becomes one bidi isolate
// (FSI ... PDI): an embedding or override it opens (U+202A-U+202E) ends with
// the isolate, a PDI it did not open (which would close the isolate early)
// is dropped, isolates it leaves open are closed. Any text's paragraph
// separators become line separators: a new paragraph would start outside
// the isolate. A text without any of these cannot reorder what follows it
// and is drawn as it is, so left-to-right maps export exactly their text.
// The bidi controls are zero-width: measuring the drawn text measures the text.
inline QString isolatedText(const QString &text)
{
    QString body;
    body.reserve(text.size());
    bool isolate = false;
    int open = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
            continue; // one line break, not two
        const bool pair = c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const char32_t code = pair ? QChar::surrogateToUcs4(c, text[i + 1]) : c.unicode();
        switch (QChar::direction(code)) {
        case QChar::DirB: body += QChar::LineSeparator; continue;
        case QChar::DirR:
        case QChar::DirAL:
        case QChar::DirAN:
        case QChar::DirLRE:
        case QChar::DirRLE:
        case QChar::DirLRO:
        case QChar::DirRLO:
        case QChar::DirPDF: isolate = true; break;
        case QChar::DirLRI:
        case QChar::DirRLI:
        case QChar::DirFSI:
            isolate = true;
            ++open;
            break;
        case QChar::DirPDI:
            isolate = true;
            if (open == 0)
                continue;
            --open;
            break;
        default: break;
        }
        body += c;
        if (pair)
            body += text[++i];
    }
    if (!isolate)
        return body;
    // FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: the text's own, then ours.
    return QChar(0x2068) + body + QString(open + 1, QChar(0x2069));
}

// The card's words as Qt lays them out (and the layout measures them): one
// isolate, hard line breaks as Unicode line separators for QTextLayout,
// which ignores '\n'.
inline QString cardDisplayText(const Card &card) { return isolatedText(toQString(card.text)); }

// Whether a card shows a footer line: channel, severity, impact and status,
// metric, tags or comment count.
inline bool cardHasFooter(const Card &card, LaneKind kind)
{
    switch (effectiveKind(kind)) {
    case LaneKind::Touchpoints:
        if (!card.channel.empty() || !card.direct || card.audit)
            return true;
        break;
    case LaneKind::PainPoints:
    case LaneKind::Barriers:
    case LaneKind::Opportunities: return true;
    case LaneKind::Kpis:
        if (card.metric)
            return true;
        break;
    default: break;
    }
    return !card.tags.empty() || !card.comments.empty();
}

} // namespace cjm
