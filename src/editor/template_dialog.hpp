#pragma once
// File ▸ New from Template...: the templates in the UI language and the
// user's own, each with what it is for, its stages and example cards.

#include <QDialog>
#include <vector>

#include "map_templates.hpp"

class QLabel;
class QListWidget;

namespace cjm {

class TemplateDialog : public QDialog {
    Q_OBJECT
public:
    explicit TemplateDialog(std::vector<MapTemplate> templates, QWidget *parent = nullptr);
    QListWidget *list() const { return m_list; }
    // The chosen template, after exec() returned Accepted.
    const MapTemplate *chosen() const;

private:
    std::vector<MapTemplate> m_templates;
    QListWidget *m_list;
    QLabel *m_details;
};

} // namespace cjm
