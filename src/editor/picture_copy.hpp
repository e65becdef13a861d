#pragma once
// Copy as Picture (Edit ▸ Copy as Picture, Ctrl+Shift+C): the selected
// cards, or the slide being presented, on the clipboard as a picture any
// slide tool can paste: a PNG (the clipboard's image) and an SVG (mime
// image/svg+xml) whose words stay text. Both are painted by MapPainter, as
// the canvas and the exports are.

#include <QMimeData>
#include <memory>
#include <string>
#include <vector>

#include "map_painter.hpp"
#include "slides.hpp"

namespace cjm {

inline constexpr char kSvgMimeType[] = "image/svg+xml";

// The cards `cardIds` of `mapPainter`'s layout as the canvas draws them, in
// their places relative to each other, and nothing else of the map (no
// other card, header or curve), on white. Cards not laid out are left out;
// null when none is.
std::unique_ptr<QMimeData> cardsPicture(const MapPainter &mapPainter, const std::vector<std::string> &cardIds);

// One slide, as the PDF and presentation mode show it.
std::unique_ptr<QMimeData> slidePicture(const SlidePage &page, const PaintOptions &options = {});

} // namespace cjm
