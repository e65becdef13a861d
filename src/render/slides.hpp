#pragma once
// Slides: a map cut into pages a deck can hold, each readable from the back
// of a meeting room. The map is split by persona, then by runs of stages
// (at most as many as keep cards wide enough), then, when one persona's lanes
// are taller than a slide, by lanes, and a cell too tall for one slide goes
// on over the next. One map unit is one point on the slide, so the style's
// fonts (cards 13, the smallest words 11 and the heat strip's 9 pixels) are
// their size in points: card text at least 12 pt, no text under 9 pt.
//
// Each page is a small map of its own (a copy of the map holding the page's
// persona, stages, lanes and cards), laid out by MapLayout and painted by
// MapPainter, so the canvas, the PDF, PowerPoint and the presentation mode
// show the same pages from the same painter. Every page repeats what a
// reader needs: the persona's badge and name, the lane labels, the stage
// headers with their phase chips, the slide's title (map · persona · stages)
// and its number. Cards show their whole text, never elided.
//
// The emotion curve runs on across a cut: the point just before the page's
// first stage and just after its last are laid out in a column either side
// of the page (outside what is painted), so the curve enters and leaves the
// page where the whole map's curve would.

#include <QPainter>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "cjm/document.hpp"
#include "map_layout.hpp"
#include "map_painter.hpp"
#include "map_style.hpp"

namespace cjm {

// SlideAspect (Wide: 16:9, Standard: 4:3) is the map's (cjm/model.hpp): a view saves it.

// Which part of the map the slides show, and on what page. A named view
// (the map's `views`) resolves to one of these.
struct SlideSelection {
    std::vector<std::string> personaIds; // empty: every persona, in map order
    std::vector<std::string> stageIds;   // empty: every stage; else these, in map order
    std::vector<std::string> laneIds;    // empty: every lane; else these; in map order, never a lane the map hides
    bool keepEmptyLanes = false;         // show a lane the persona has no card in
    SlideAspect aspect = SlideAspect::Wide;
};

// The slides of a view (cjm/views.hpp: saved in the map, or built in): its
// personas, stages and lanes as resolveView() finds them in `document`, and
// its page shape. Empty lanes are left out unless the view is a slides view
// that keeps them (a whole-page view says nothing about slides).
SlideSelection slideSelectionFor(const Document &document, const View &view);

// The page in points: 13.333 × 7.5 in (960 × 540) or 10 × 7.5 in (720 × 540).
QSizeF slidePageSize(SlideAspect aspect);
// "16:9" or "4:3" (false for anything else), and back.
bool slideAspectFromName(const QString &name, SlideAspect &aspect);
QString slideAspectName(SlideAspect aspect);

// The font of a slide's title (drawn in SlidePage::titleRect()); its
// number is in `style.subtitleFont`.
QFont slideTitleFont(const MapStyle &style);

// The smallest sizes the slides keep, in points.
inline constexpr qreal kSlideMinCardTextPoints = 12;
inline constexpr qreal kSlideMinTextPoints = 9;

class SlidePage {
public:
    SlidePage(SlidePage &&) noexcept;
    SlidePage &operator=(SlidePage &&) noexcept;
    ~SlidePage();

    int number() const { return m_number; } // 1-based, in the deck
    const std::string &personaId() const { return m_personaId; }
    const std::vector<std::string> &stageIds() const { return m_stageIds; } // left to right
    const std::vector<std::string> &laneIds() const { return m_laneIds; }   // top to bottom
    // The cards on this page, in display order (lane, stage, place in the
    // cell). A cell continued from the page before holds only its rest.
    const std::vector<std::string> &cardIds() const { return m_cardIds; }
    // When a persona's stages need more than one page down: which (1-based) of how many.
    int part() const { return m_part; }
    int parts() const { return m_parts; }
    // "Map · Persona · First stage – Last stage", and " · 2/3" on a part.
    const QString &title() const { return m_title; }
    // "3 / 12": the slide's number of the deck's, drawn in numberRect().
    const QString &numberText() const { return m_numberText; }
    QSizeF size() const { return m_size; } // points

    // The page's own map and its layout (map units; see toPage()).
    const Document &document() const { return m_document; }
    const MapLayout &layout() const { return *m_layout; }
    // The card ringed as the persona's lowest moment on this page, if any.
    const std::unordered_set<std::string> &lowestMoments() const { return m_lowestMoments; }
    // Map units of layout() to page points. Cells, cards and stage headers
    // are moved left past the column laid out for the curve's entry point;
    // the persona and lane column and the title are not.
    QPointF cellToPage(const QPointF &layoutPoint) const;
    QRectF cellToPage(const QRectF &layoutRect) const;
    QPointF frameToPage(const QPointF &layoutPoint) const;
    QRectF frameToPage(const QRectF &layoutRect) const;

    // Where things are on the page, in points.
    QRectF titleRect() const;
    QRectF numberRect() const;
    QRectF personaHeaderRect() const;
    std::optional<QRectF> stageHeaderRect(const std::string &stageId) const;
    std::optional<QRectF> laneLabelRect(const std::string &laneId) const;
    std::optional<QRectF> cardRect(const std::string &cardId) const;
    QRectF cellsRect() const; // the part of the page that shows cells

    // The scale the page is drawn at (1 unless one card alone is taller
    // than a page and had to be shrunk to fit); text sizes follow it.
    qreal contentScale() const { return m_contentScale; }
    qreal cardTextPoints() const;                   // card text on this page
    qreal smallestTextPoints(bool heatStrip) const; // the smallest words on this page

    // Paints the page into `target` (any size: it is scaled, keeping its
    // shape, and centred). The date and heat strip come from `options`.
    void paint(QPainter *painter, const QRectF &target, const PaintOptions &options = {}) const;

private:
    friend class SlideDeck;
    friend class SlideDeckBuilder;
    SlidePage();

    int m_number = 0;
    std::string m_personaId;
    std::vector<std::string> m_stageIds;
    std::vector<std::string> m_laneIds;
    std::vector<std::string> m_cardIds;
    int m_part = 1;
    int m_parts = 1;
    QString m_title;
    QString m_numberText;
    QSizeF m_size;
    Document m_document;
    std::unique_ptr<MapStyle> m_style; // the layout refers to it: kept at one address
    std::unique_ptr<MapLayout> m_layout;
    int m_firstStage = 0; // index in m_document's stages of the first stage shown
    int m_stageCount = 0;
    qreal m_cellShift = 0; // map units the cells move left (the entry column)
    qreal m_contentScale = 1;
    // The card the page may ring as "Lowest moment": the persona's lowest on
    // the whole map when it is on this page, else none. A page's own sub-map
    // would otherwise ring the lowest of its few stages.
    std::unordered_set<std::string> m_lowestMoments;
};

class SlideDeck {
public:
    // The slides of `document` for `selection`. Unknown ids in the
    // selection are left out; an empty result means nothing to show.
    static SlideDeck build(const Document &document, const SlideSelection &selection = {});

    QSizeF pageSize() const { return m_pageSize; }
    std::size_t size() const { return m_pages.size(); }
    bool empty() const { return m_pages.empty(); }
    const SlidePage &page(std::size_t index) const { return m_pages.at(index); }
    const std::vector<SlidePage> &pages() const { return m_pages; }

private:
    QSizeF m_pageSize;
    std::vector<SlidePage> m_pages;
};

// The point size of the card text were the whole map fitted into a page's
// `printable` area (points, margins left out): below kSlideMinCardTextPoints
// the Export dialog offers slides first.
qreal wholeMapCardTextPoints(const Document &document, const QSizeF &printable);

} // namespace cjm
