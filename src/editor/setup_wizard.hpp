#pragma once
// File ▸ New with Wizard...: a new map set up the way the journey-mapping
// method goes — the goal of the map, the audience segment and its personas
// (one map per persona is easiest to read; several are allowed), the stages
// (from a template, renamed at will), then the touchpoints of each stage
// picked from the touchpoint library, grouped before / during / after
// purchase, each with its channel and whether it is online, offline or run
// by a third party.

#include <QWizard>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"
#include "map_templates.hpp"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;

class QTreeWidgetItem;

namespace cjm {

class SetupWizard : public QWizard {
    Q_OBJECT
public:
    SetupWizard(std::vector<MapTemplate> templates, UiLanguage language, QWidget *parent = nullptr);

    // The parts, for tests and for the pages.
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *goalEdit() const { return m_goal; }
    QComboBox *templateCombo() const { return m_template; }
    QLineEdit *segmentEdit() const { return m_segment; }
    QPlainTextEdit *personasEdit() const { return m_personas; }
    QPlainTextEdit *stagesEdit() const { return m_stages; }
    QTreeWidget *touchpointTree() const { return m_touchpoints; }

    // Fills the stage list from the chosen template (unless edited by hand)
    // and the touchpoint tree from the stage list.
    void refreshStages();
    void refreshTouchpoints();
    // Ticks (or unticks) library touchpoint `id` in stage `stage`.
    bool setTouchpointChecked(int stage, std::string_view id, bool checked);

    // The map the answers describe.
    Document result() const;

private:
    // A phase group's title: the phase and how many touchpoints it holds (and how many are ticked).
    void nameGroup(QTreeWidgetItem *groupItem);
    QStringList lines(const QPlainTextEdit *edit) const;

    std::vector<MapTemplate> m_templates;
    int m_language;
    UiLanguage m_uiLanguage;
    QLineEdit *m_title;
    QLineEdit *m_goal;
    QComboBox *m_type;
    QComboBox *m_template;
    QLineEdit *m_segment;
    QPlainTextEdit *m_personas;
    QPlainTextEdit *m_stages;
    QTreeWidget *m_touchpoints;
    QString m_stagesFromTemplate; // what refreshStages last wrote, to tell hand edits apart
};

} // namespace cjm
