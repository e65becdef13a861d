#pragma once
// The canvas: a QGraphicsView over a MapScene with zoom (Ctrl+wheel, steps,
// 100%, fit), pan (scroll bars, wheel, middle-drag, Space+drag) and frozen
// headers: the stage row and the persona/lane column stay at the window's
// edge while the map scrolls, as a spreadsheet's headers do.

#include <QGraphicsView>

namespace cjm {

class MapScene;

class MapView : public QGraphicsView {
    Q_OBJECT
public:
    explicit MapView(MapScene *scene, QWidget *parent = nullptr);

    MapScene *mapScene() const { return m_scene; }
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

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void zoomAround(qreal factor, const QPointF &viewportAnchor);

    MapScene *m_scene;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
};

} // namespace cjm
