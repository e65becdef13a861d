#pragma once
// The palette: what can be dragged onto the map. A stage, a persona, one
// entry per card kind and one per common touchpoint channel.

#include <QListWidget>

namespace cjm {

class PalettePanel : public QListWidget {
    Q_OBJECT
public:
    explicit PalettePanel(QWidget *parent = nullptr);
    // The entry current in `old` (a palette built in the language before) is
    // current here too, found by what it adds, not by its words.
    void takeOver(const PalettePanel &old);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    // Enter on an entry adds what dropping it would, at the canvas's focused
    // cell: a card there (MapView::addCardOfKind), a stage after its stage or
    // a persona after its persona (addStageAfterFocus, addPersonaAfterFocus).
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace cjm
