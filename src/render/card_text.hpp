#pragma once
// Small facts about how a card is shown, shared by the layout (to size it)
// and the painter (to draw it), so the two can never disagree.

#include <QString>

#include "cjm/model.hpp"
#include "qt_text.hpp"

namespace cjm {

inline constexpr qreal kCardAccentWidth = 4;     // coloured stripe on a card's left edge
inline constexpr qreal kEmotionLabelHeight = 18; // the feeling's words under its face

// The card's words as Qt lays them out: hard line breaks must be Unicode
// line separators for QTextLayout, which ignores '\n'.
inline QString cardDisplayText(const Card &card)
{
    QString text = toQString(card.text);
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

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
