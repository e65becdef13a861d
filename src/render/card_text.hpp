#pragma once
// Small facts about how a card is shown, shared by the layout (to size it)
// and the painter (to draw it), so the two can never disagree.

#include <QString>

#include "cjm/model.hpp"
#include "qt_text.hpp"

namespace cjm {

inline constexpr qreal kCardAccentWidth = 4;     // coloured stripe on a card's left edge
inline constexpr qreal kEmotionLabelHeight = 18; // the feeling's words under its face

// A text from the map as it is drawn: one bidi isolate (FSI ... PDI), as its
// own paragraph would be. Its direction comes from its own first strong
// character, and whatever embedding or override it opens (U+202A-U+202E)
// ends with the isolate, so nothing drawn after it in the same line (the
// next part of a joined line, an ellipsis) changes direction or order.
// What could reach past the isolate is neutralised: a PDI the text did not
// open would close the isolate early and is dropped; isolates it leaves open
// are closed; a paragraph separator would start a new paragraph outside the
// isolate and becomes a line separator (a line break all the same).
// The bidi controls are zero-width: measuring the isolated text measures
// the text.
inline QString isolatedText(const QString &text)
{
    QString isolated;
    isolated.reserve(text.size() + 2);
    isolated += QChar(0x2068); // FIRST STRONG ISOLATE
    int open = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
            continue; // one line break, not two
        switch (c.direction()) {
        case QChar::DirLRI:
        case QChar::DirRLI:
        case QChar::DirFSI:
            ++open;
            isolated += c;
            break;
        case QChar::DirPDI:
            if (open > 0) {
                --open;
                isolated += c;
            }
            break;
        case QChar::DirB: isolated += QChar::LineSeparator; break;
        default: isolated += c; break;
        }
    }
    isolated += QString(open + 1, QChar(0x2069)); // POP DIRECTIONAL ISOLATE: the text's, then ours
    return isolated;
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
