#pragma once
// Merge conflicts left in a map by `cjm merge` (the "x-cjm-conflicts" key):
// one row per conflict with both versions, and Keep Mine / Keep Theirs /
// Edit... Each resolution is one undoable edit that also removes the marker,
// so Undo brings the conflict back.
//
// A map of the team library adds its held conflicts: own offline edits of a
// field a teammate changed meanwhile (DocumentController::heldConflicts).
// They follow the merge conflicts in the same table; Keep Mine sends the
// held edit, Keep Theirs drops it (TeamSession does it, on the server).

#include <QWidget>
#include <vector>

#include "cjm/merge.hpp"
#include "team_client.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace cjm {

class DocumentController;

class ConflictPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConflictPanel(DocumentController *controller, QWidget *parent = nullptr);

    const std::vector<Conflict> &conflicts() const { return m_conflicts; }
    // Rows after the merge conflicts: the team map's held conflicts.
    const std::vector<team::Conflict> &teamConflicts() const { return m_teamConflicts; }
    QTableWidget *table() const { return m_table; }
    // Settles the selected conflict. False (with a message in the panel)
    // when nothing is selected or the resolution does not fit any more.
    bool resolveSelected(Resolution how, const Json &value = nullptr);
    // The text of a conflict's value as the table shows it: text as text,
    // anything else as compact JSON; "(not set)" when absent.
    static QString valueText(const std::optional<Json> &value);
    // A card's place (a held move) in words: persona ‘…’, stage ‘…’, lane ‘…’.
    static QString placeText(const Document &document, const std::optional<Json> &place);

public slots:
    void refresh();

signals:
    // A row was clicked: show that card (or the card a conflict sits on).
    void showCard(const std::string &cardId);
    void conflictCountChanged(int count);

private:
    void editSelected();
    void updateButtons();
    int selectedRow() const;

    DocumentController *m_controller;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_keepMine;
    QPushButton *m_keepTheirs;
    QPushButton *m_edit;
    std::vector<Conflict> m_conflicts;
    std::vector<team::Conflict> m_teamConflicts;
    class QTimer *m_refreshTimer = nullptr;
    // Whether the map had conflicts since it was opened: only then can an
    // edit (an undo) bring one back, so only then do edits cost a look.
    bool m_hadConflicts = false;
};

} // namespace cjm
