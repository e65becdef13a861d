// The Export dialog's slides (issue #17): offered first when the whole map
// would print its cards too small to read, previewed as slides.

#include <QSettings>
#include <QTest>
#include <catch2/catch.hpp>

#include "cjm/document_io.hpp"
#include "export_dialog.hpp"
#include "slides.hpp"

using namespace cjm;

namespace {
Document sample(const std::string &name)
{
    auto read = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/" + name);
    REQUIRE(read.ok());
    return std::move(*read.document);
}
} // namespace

TEST_CASE("the export dialog offers slides first when the whole map's cards would be under 12 pt",
          "[app][export][slides]")
{
    QSettings().remove(QStringLiteral("export"));
    const Document big = sample("retail-zh.cjm");
    // On A4, even across, the whole map's cards come out at a few points.
    CHECK(wholeMapCardTextPoints(big, QSizeF(786, 539)) < kSlideMinCardTextPoints);
    ExportDialog dialog(big, {});
    const ExportOptions options = dialog.options();
    CHECK(options.format == ExportFormat::Pdf);
    CHECK(options.pdfLayout == PdfLayout::Slides);
    CHECK(options.slides.aspect == SlideAspect::Wide);
    // The preview is the first slide: 16:9.
    const QImage preview = dialog.previewImage();
    REQUIRE_FALSE(preview.isNull());
    CHECK(std::abs(static_cast<double>(preview.width()) / preview.height() - 16.0 / 9.0) < 0.05);

    // A choice the user made stays theirs, and 4:3 is there too.
    ExportOptions tiles = options;
    tiles.pdfLayout = PdfLayout::Tiles;
    dialog.setOptions(tiles);
    CHECK(dialog.options().pdfLayout == PdfLayout::Tiles);
    ExportOptions narrow = options;
    narrow.slides.aspect = SlideAspect::Standard;
    dialog.setOptions(narrow);
    CHECK(dialog.options().pdfLayout == PdfLayout::Slides);
    CHECK(dialog.options().slides.aspect == SlideAspect::Standard);
    QTest::qWait(300); // the preview follows after a short pause
    CHECK(std::abs(static_cast<double>(dialog.previewImage().width()) / dialog.previewImage().height() - 4.0 / 3.0) <
          0.05);
    dialog.accept();
    ExportDialog again(big, {});
    CHECK(again.options().pdfLayout == PdfLayout::Slides);
    CHECK(again.options().slides.aspect == SlideAspect::Standard);
    QSettings().remove(QStringLiteral("export"));
}

TEST_CASE("a map small enough to read whole keeps the one-page export", "[app][export][slides]")
{
    QSettings().remove(QStringLiteral("export"));
    Journey journey;
    journey.id = "small";
    Persona persona;
    persona.id = "p";
    persona.name = "Solo";
    Stage stage;
    stage.id = "s";
    stage.name = "Only stage";
    Card card;
    card.id = "c";
    card.persona = "p";
    card.stage = "s";
    card.lane = "l";
    card.text = "One card";
    const Document small =
        Document::fromParts(journey, {persona}, {stage}, {Lane::make("l", LaneKind::Actions)}, {card});
    CHECK(wholeMapCardTextPoints(small, QSizeF(786, 539)) >=
          kSlideMinCardTextPoints); // A4 across less 10 mm margins: the automatic orientation
    ExportDialog dialog(small, {});
    CHECK(dialog.options().pdfLayout == PdfLayout::FitToPage);
}

TEST_CASE("PowerPoint slides are previewed as a slide, as the PDF's slides are", "[app][export][slides][pptx]")
{
    QSettings().remove(QStringLiteral("export"));
    const Document doc = sample("ecommerce-en.cjm");
    ExportDialog dialog(doc, {});
    ExportOptions pptx = dialog.options();
    pptx.format = ExportFormat::Pptx;
    dialog.setOptions(pptx);
    QTest::qWait(300); // the preview follows after a short pause
    const QImage preview = dialog.previewImage();
    REQUIRE_FALSE(preview.isNull());
    // The first slide, 16:9, not the whole map as one tall picture.
    CHECK(std::abs(static_cast<double>(preview.width()) / preview.height() - 16.0 / 9.0) < 0.05);
    const int slides = static_cast<int>(SlideDeck::build(doc).size());
    // "N slides" (or "slide(s)" without the English plural forms loaded).
    CHECK(dialog.previewCaption().startsWith(QStringLiteral("%1 slide").arg(slides)));
    CHECK(dialog.previewCaption().endsWith(QStringLiteral(", 16:9, card text 13 pt")));
    QSettings().remove(QStringLiteral("export"));
}
