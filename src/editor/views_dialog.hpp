#pragma once
// View ▸ Views ▸ Save View… and Edit Views…: the map's saved views, each a
// name, which personas, which stages (all, a range or a set), which lanes,
// whether a persona's empty lanes are left out, and the page layout (the
// whole map on one page, or 16:9 or 4:3 slides). The dialog edits a copy;
// the window saves the result as one undoable edit (MapOperations), and
// Cancel changes nothing.

#include <QDialog>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "cjm/document.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace cjm {

class ViewsDialog : public QDialog {
    Q_OBJECT
public:
    // Edits `document`'s saved views. With `newView` set, a view built from
    // it (a fresh id given here) is added at the end and selected, its name
    // to be typed: Save View…. Else `selectId` is selected when it is one of
    // the map's views.
    ViewsDialog(const Document &document, const std::optional<View> &newView, const std::string &selectId,
                QWidget *parent = nullptr);

    // The views as edited, in order (valid once accepted).
    const std::vector<View> &views() const { return m_views; }
    // The view selected when the dialog closed ("" when none).
    std::string selectedId() const;

    // What is wrong with the views as they stand ("" when nothing): a name
    // missing or used twice, a view that would show no persona, stage or lane.
    QString problem() const;

    // A built-in view's name in the UI language, a saved view's as saved.
    static QString displayName(const View &view);

    void accept() override;

private:
    void showView(int row); // the form shows m_views[row]
    void storeView();       // the form's values into m_views[m_row]
    void updateEnabled();
    void addView();
    void removeView();
    View defaultView() const;

    const Document &m_document;
    std::vector<View> m_views;
    int m_row = -1;
    bool m_loading = false;

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QWidget *m_form;
    QLineEdit *m_name;
    QCheckBox *m_allPersonas;
    QListWidget *m_personas;
    QComboBox *m_stageMode;
    QComboBox *m_stageFrom;
    QComboBox *m_stageTo;
    QListWidget *m_stages;
    QCheckBox *m_allLanes;
    QListWidget *m_lanes;
    QCheckBox *m_hideEmptyLanes;
    QComboBox *m_layout;
    QLabel *m_problem;
};

} // namespace cjm
