#pragma once
// How a map looks: metrics, fonts and the colour palette. One style is shared
// by the layout (which needs fonts to measure text) and the painter.

#include <QColor>
#include <QFont>
#include <QString>

#include "cjm/model.hpp"

namespace cjm {

struct KindColors {
    QColor accent; // stripes, icons, legend swatches
    QColor fill;   // card background
};

struct MapMetrics {
    qreal titleHeight = 104;
    qreal stageHeaderHeight = 64;
    qreal personaColumnWidth = 64;
    qreal laneLabelWidth = 150;
    qreal stageWidth = 236;
    qreal cellPadding = 8;
    qreal cardGap = 6;
    qreal cardPadding = 8;
    qreal cardMinHeight = 36;
    int cardTextMaxLines = 6;
    qreal cardFooterHeight = 20;
    qreal cardImageHeight = 72;
    qreal rowMinHeight = 52;
    qreal emotionRowHeight = 176;
    qreal emotionFaceSize = 26;
    qreal bandGap = 10;
};

class MapStyle {
public:
    static const MapStyle &standard();
    // The standard style with fonts that form no ligatures, so a PDF's text
    // copies and searches as typed (PDF exports, slides); see map_style.cpp.
    static const MapStyle &textAsTyped();

    MapMetrics metrics;
    QFont titleFont;
    QFont subtitleFont;
    QFont headerFont; // stage and persona names
    QFont smallFont;  // phase chips, footers, lane labels
    QFont cardFont;

    KindColors kindColors(LaneKind kind) const;
    QColor defaultStageColor(std::size_t index) const;
    QColor defaultPersonaColor(std::size_t index) const;
    // Emotion colour from -3 (red) through 0 (amber) to +3 (green).
    QColor emotionColor(double score) const;
    QColor gridColor() const { return QColor(0xd5, 0xda, 0xe1); }
    QColor backgroundColor() const { return QColor(0xfa, 0xfb, 0xfc); }
    QColor textColor() const { return QColor(0x26, 0x32, 0x38); }
    QColor mutedTextColor() const { return QColor(0x60, 0x6b, 0x76); }

    MapStyle();
};

// Display names, translated through Qt (the "MapText" context).
QString laneKindDisplayName(LaneKind kind);
QString laneDisplayTitle(const Lane &lane);
QString phaseDisplayName(Phase phase);
QString mapTypeDisplayName(MapType type);
QString statusDisplayName(OpportunityStatus status);
QString channelDisplayName(const std::string &channel);
// ":/icons/channels/<id>.svg" for known channels, the generic icon otherwise.
QString channelIconPath(const std::string &channel);
QString kindIconPath(LaneKind kind);
// Up to two letters for a persona's badge: the first letters of the first two
// words that are not "the", "a" or "an" ("Maya, the marathon beginner" ->
// "MM", "Busy parent" -> "BP"), or the first character of a Chinese,
// Japanese or Korean name ("王小明" -> "王"). Emoji stay whole.
QString initialsOf(const QString &name);
// Han, kana, Hangul or Bopomofo: scripts a name is written upright in.
bool isEastAsianScript(char32_t ucs4);

} // namespace cjm
