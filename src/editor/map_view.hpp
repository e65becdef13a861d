#pragma once
// The canvas: a QGraphicsView over a MapScene with zoom (Ctrl+wheel, steps,
// 100%, fit), pan (scroll bars, wheel, middle-drag, Space+drag) and frozen
// headers: the stage row and the persona/lane column stay at the window's
// edge while the map scrolls, as a spreadsheet's headers do.

#include <QGraphicsView>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "cjm/model.hpp"

namespace cjm {

class MapScene;
struct MapRepaint;
class SelectTool;

class MapView : public QGraphicsView {
    Q_OBJECT
public:
    explicit MapView(MapScene *scene, QWidget *parent = nullptr);
    ~MapView() override;

    MapScene *mapScene() const { return m_scene; }
    SelectTool *selectTool() const { return m_tool.get(); }
    // The line showing where a drop or drag will land (scene coordinates);
    // a null line hides it.
    void setDropMarker(const QLineF &marker);
    QLineF dropMarker() const { return m_dropMarker; }
    // A small label next to `scenePos` while dragging (an emotion's score at
    // the drop height): the face the map draws for `score` (when given) and
    // `text`; empty text hides it. Its size ignores the zoom.
    void setDropReadout(const QPointF &scenePos, const QString &text, std::optional<int> score = std::nullopt);
    QString dropReadout() const { return m_readoutText; }
    std::optional<int> dropReadoutScore() const { return m_readoutScore; }
    // Where the readout is drawn (viewport pixels) and where its face is in
    // it; empty when hidden.
    QRect dropReadoutRect() const;
    QRect dropReadoutFaceRect() const;

    // The keyboard's cell: a persona's lane (band, row) in a stage, with or
    // without cards. The arrow keys move it (and the selection with it),
    // Insert adds a card there, a click on a card or cell moves it there.
    // Kept by the ids of its persona, lane and stage, so it stays on its
    // cell when the map is laid out again; when one of them goes, the
    // nearest cell takes its place. Nullopt only on a map with no cells.
    struct Cell {
        int band = -1;
        int row = -1;
        int stage = -1;
        bool operator==(const Cell &) const = default;
    };
    std::optional<Cell> focusedCell() const;
    // Moves the focus rectangle there (scrolled into view); ignores a
    // position that is not a cell.
    void setFocusedCell(int band, int row, int stage);
    // The focused cell's rectangle on the map (scene); empty without one.
    QRectF focusedCellRect() const;
    // Scrolls the focused cell into sight, clear of the frozen headers: the
    // selected card in it when there is one (see focusCard), else the cell.
    void revealFocusedCell();
    // The card the keyboard moves from: the one with the accessible focus,
    // else the first selected; empty when none is selected.
    std::string focusCard() const;

    // In-place editing over the canvas.
    void editCardText(const std::string &cardId, bool removeIfLeftEmpty = false);
    void editStageName(int stage);
    void editPersonaName(int band);
    void editTitle();
    // Adds a card of the row's lane kind at a position in a cell, then edits it.
    void addCardInCell(int band, int row, int stage, int index);
    // From the keyboard (Insert, Ctrl+Enter, Enter in the palette): adds a
    // card of `kind` (a touchpoint on `channel` if given) right after the
    // selected card in its persona and stage, in the first lane of that kind
    // (the selected card's own lane when it is of that kind); with nothing
    // selected, in the first persona's first stage. Then edits its text.
    // Returns the new card's id, empty when refused.
    std::string addCardOfKind(LaneKind kind, const std::string &channel = {});
    // Insert, Ctrl+Enter, Enter on a cell without a selected card: a card of
    // the focused cell's lane kind in that cell (after the selected card when
    // it is there, else after the last), then edits its text. Returns its id.
    std::string addCardInFocusedCell();
    // Enter on the Palette's Stage or Persona entry: a stage right after the
    // focused cell's stage, a persona right after its persona (what a drop
    // there adds), then edits its name; the focus goes to the new column or
    // band. Returns the new id, empty when refused.
    std::string addStageAfterFocus();
    std::string addPersonaAfterFocus();
    qreal zoom() const { return transform().m11(); }

    static constexpr qreal kMinZoom = 0.05;
    static constexpr qreal kMaxZoom = 4.0;

public slots:
    void setZoom(qreal zoom);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();

signals:
    void zoomChanged(qreal zoom);
    void filesDropped(const QStringList &paths);
    // A stage or persona header was clicked (not dragged): show its fields.
    void stageClicked(const std::string &stageId);
    void personaClicked(const std::string &personaId);
    // The keyboard's cell moved (see focusedCell).
    void focusedCellChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void paintEvent(QPaintEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void zoomAround(qreal factor, const QPointF &viewportAnchor);
    // Where the stage row and the persona column are pinned at the window's
    // edges once the map is scrolled under them: scene to viewport pixels.
    struct FrozenHeaders {
        bool top = false, left = false;
        QTransform toTop, toLeft;
    };
    FrozenHeaders frozenHeaders() const;
    void drawFrozenHeaders(QPainter *painter);
    // The whole viewport pixels the frozen headers paint opaquely: nothing
    // of the map under them need be painted.
    QRegion frozenHeadersCover() const;
    void drawFocusedCell(QPainter *painter);
    void drawReadout(QPainter *painter);
    // Repaints where the focus rectangle of `cell` is drawn.
    void updateCellArea(const std::optional<Cell> &cell);
    // The focused cell follows the selection: the cell of the card with the
    // accessible focus (the one the arrow keys move from). False when no
    // card is selected (the focus stays on its cell).
    bool followSelection();
    void revealSceneRect(const QRectF &sceneRect);
    // Shows a persona just added (in persona focus mode, it becomes the one
    // shown) and edits its name, the focus on its first lane in the focused stage.
    void focusAndEditNewPersona(const std::string &personaId);
    // Repaints the frozen stage row and persona column where they are drawn
    // at the window's edge, and the strip a scroll by (dx, dy) moved them into.
    void updateFrozenHeaders(int dx, int dy);
    // Repaints scene areas (empty: all) and their frozen copies at the edges.
    void repaintSceneAreas(const std::vector<QRectF> &areas);
    // Moves the pixels below rows that grew or shrank, then repaints the rest.
    void repaintShifted(const MapRepaint &repaint);
    void openEditor(const QRectF &sceneRect, const QString &text, bool multiLine, const QFont &font,
                    std::function<void(std::optional<QString>)> done);

    MapScene *m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
    std::unique_ptr<SelectTool> m_tool;
    QLineF m_dropMarker;
    QPointF m_readoutPos;
    QString m_readoutText;
    std::optional<int> m_readoutScore;
    // The focused cell by ids, and by position to fall back on when an id goes.
    struct CellIds {
        std::string personaId, laneId, stageId;
        Cell at{0, 0, 0};
    } m_focus;
    std::unordered_set<std::string> m_rubberBandBase; // kept when Ctrl extends a rubber band
};

} // namespace cjm
