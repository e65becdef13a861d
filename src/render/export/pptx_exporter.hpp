#pragma once
// PowerPoint: an Office Open XML presentation (ECMA-376 PresentationML), one
// slide per page of the slides (slides.hpp: the same pages as the PDF
// slides, for ExportOptions::slides), so a deck can be edited where it is
// presented.
// Every card, stage header, lane label, persona badge and title is a native
// text shape (p:sp with a text body) in the canvas's fill, accent and text
// colours, at the size in points the PDF slides use; the emotion curve is a
// native freeform (custGeom) line; each slide's speaker notes hold the
// descriptions of its stages and the notes of its cards. The package is
// zipped by libzip and its XML written by QXmlStreamWriter; the file is
// written through AtomicFile: a failed export leaves nothing behind.

#include "exporter.hpp"

namespace cjm {

class PptxExporter : public Exporter {
public:
    ExportResult write(const ExportJob &job) const override;
};

} // namespace cjm
