#pragma once
// The start screen: when CJM Studio starts without a map, the ways to begin
// — a guided new map (the wizard), a template, a blank map, a map on disk or
// one of the recent ones. "Show at startup" turns it off (setting
// "start/showDialog").

#include <QDialog>
#include <QString>

class QCheckBox;
class QListWidget;

namespace cjm {

class StartDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Blank, Wizard, Template, Open, Recent };

    explicit StartDialog(const QStringList &recentFiles, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QString recentFile() const { return m_recent; } // for Choice::Recent
    QListWidget *recentList() const { return m_list; }

    static bool showAtStartup();
    static void setShowAtStartup(bool show);

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Blank;
    QString m_recent;
    QListWidget *m_list;
    QCheckBox *m_show;
};

} // namespace cjm
