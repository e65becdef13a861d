#include "views_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <optional>

#include "cjm/views.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

constexpr int kIdRole = Qt::UserRole;

enum StageMode { AllStages, StageRangeMode, StageSetMode };
enum LayoutChoice { WholePage, Slides16x9, Slides4x3 };

QString laneLabel(const Lane &lane)
{
    QString name = lane.title.empty() ? laneKindDisplayName(lane.kind) : toQString(lane.title);
    if (lane.hidden)
        name = ViewsDialog::tr("%1 (hidden in the map)").arg(name);
    return name;
}

// A checkable list of the map's entities, the ones in `checked` ticked.
void fillChecks(QListWidget *list, const std::vector<std::pair<std::string, QString>> &items,
                const std::optional<std::vector<std::string>> &checked)
{
    list->clear();
    for (const auto &[id, label] : items) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(kIdRole, toQString(id));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        const bool on = !checked || std::find(checked->begin(), checked->end(), id) != checked->end();
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
}

std::vector<std::string> checkedIds(const QListWidget *list)
{
    std::vector<std::string> ids;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            ids.push_back(toStdString(list->item(i)->data(kIdRole).toString()));
    return ids;
}

// Ids the view lists that the map no longer has: kept as they are (a
// deleted persona's views come back whole on undo), after the ones shown.
std::vector<std::string> withUnknown(std::vector<std::string> shown, const std::optional<std::vector<std::string>> &old,
                                     const std::function<bool(const std::string &)> &exists)
{
    if (old)
        for (const std::string &id : *old)
            if (!exists(id))
                shown.push_back(id);
    return shown;
}

// A view in the list: its name, or a hint that it needs one.
QString listName(const QString &typed)
{
    const QString name = typed.simplified();
    return name.isEmpty() ? ViewsDialog::tr("(a name to type)") : name;
}

} // namespace

QString ViewsDialog::displayName(const View &view)
{
    if (view.id == kWholeMapViewId)
        return tr("Whole map");
    if (view.id == kPersonaSlidesViewId)
        return tr("One persona per slide set");
    return toQString(view.name);
}

ViewsDialog::ViewsDialog(const Document &document, const std::optional<View> &newView, const std::string &selectId,
                         QWidget *parent)
    : QDialog(parent), m_document(document), m_views(document.views())
{
    setWindowTitle(newView ? tr("Save View") : tr("Views"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("viewList"));
    m_add = new QPushButton(tr("&New View"), this);
    m_add->setObjectName(QStringLiteral("addView"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeView"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list, 1);
    listColumn->addLayout(listButtons);

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("viewName"));
    m_name->setMaxLength(200);
    form->addRow(tr("&Name:"), m_name);

    m_allPersonas = new QCheckBox(tr("Every persona"), m_form);
    m_allPersonas->setObjectName(QStringLiteral("allPersonas"));
    m_personas = new QListWidget(m_form);
    m_personas->setObjectName(QStringLiteral("viewPersonas"));
    auto *personaBox = new QVBoxLayout;
    personaBox->addWidget(m_allPersonas);
    personaBox->addWidget(m_personas);
    form->addRow(tr("Personas:"), personaBox);

    m_stageMode = new QComboBox(m_form);
    m_stageMode->setObjectName(QStringLiteral("stageMode"));
    m_stageMode->addItem(tr("Every stage"), AllStages);
    m_stageMode->addItem(tr("From one stage to another"), StageRangeMode);
    m_stageMode->addItem(tr("These stages"), StageSetMode);
    m_stageFrom = new QComboBox(m_form);
    m_stageFrom->setObjectName(QStringLiteral("stageFrom"));
    m_stageTo = new QComboBox(m_form);
    m_stageTo->setObjectName(QStringLiteral("stageTo"));
    for (const Stage &stage : document.stages()) {
        m_stageFrom->addItem(toQString(stage.name), toQString(stage.id));
        m_stageTo->addItem(toQString(stage.name), toQString(stage.id));
    }
    auto *range = new QHBoxLayout;
    range->addWidget(m_stageFrom, 1);
    range->addWidget(plainLabel(tr("to"), m_form));
    range->addWidget(m_stageTo, 1);
    m_stages = new QListWidget(m_form);
    m_stages->setObjectName(QStringLiteral("viewStages"));
    auto *stageBox = new QVBoxLayout;
    stageBox->addWidget(m_stageMode);
    stageBox->addLayout(range);
    stageBox->addWidget(m_stages);
    form->addRow(tr("Stages:"), stageBox);

    m_allLanes = new QCheckBox(tr("Every lane the map shows"), m_form);
    m_allLanes->setObjectName(QStringLiteral("allLanes"));
    m_lanes = new QListWidget(m_form);
    m_lanes->setObjectName(QStringLiteral("viewLanes"));
    m_hideEmptyLanes = new QCheckBox(tr("Leave out lanes a persona has no card in"), m_form);
    m_hideEmptyLanes->setObjectName(QStringLiteral("hideEmptyLanes"));
    auto *laneBox = new QVBoxLayout;
    laneBox->addWidget(m_allLanes);
    laneBox->addWidget(m_lanes);
    laneBox->addWidget(m_hideEmptyLanes);
    form->addRow(tr("Lanes:"), laneBox);

    m_layout = new QComboBox(m_form);
    m_layout->setObjectName(QStringLiteral("pageLayout"));
    m_layout->addItem(tr("The whole map on one page"), WholePage);
    m_layout->addItem(tr("Slides, 16:9"), Slides16x9);
    m_layout->addItem(tr("Slides, 4:3"), Slides4x3);
    form->addRow(tr("Page &layout:"), m_layout);

    m_problem = plainLabel(QString(), this);
    m_problem->setObjectName(QStringLiteral("viewProblem"));
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problem->setPalette(warning);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ViewsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ViewsDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn, 1);
    columns->addWidget(m_form, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    for (const View &view : m_views)
        m_list->addItem(displayName(view));
    int select = -1;
    if (newView) {
        View view = *newView;
        view.id = document.newId("view");
        view.name.clear();
        m_views.push_back(std::move(view));
        m_list->addItem(listName(QString()));
        select = static_cast<int>(m_views.size()) - 1;
    } else {
        for (std::size_t i = 0; i < m_views.size(); ++i)
            if (m_views[i].id == selectId)
                select = static_cast<int>(i);
        if (select < 0 && !m_views.empty())
            select = 0;
    }

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeView();
        showView(row);
    });
    connect(m_add, &QPushButton::clicked, this, &ViewsDialog::addView);
    connect(m_remove, &QPushButton::clicked, this, &ViewsDialog::removeView);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_row >= 0)
            m_list->item(m_row)->setText(listName(text));
        storeView();
    });
    for (QCheckBox *box : {m_allPersonas, m_allLanes, m_hideEmptyLanes})
        connect(box, &QCheckBox::toggled, this, [this] {
            storeView();
            updateEnabled();
        });
    for (QListWidget *list : {m_personas, m_stages, m_lanes})
        connect(list, &QListWidget::itemChanged, this, [this] { storeView(); });
    for (QComboBox *combo : {m_stageMode, m_stageFrom, m_stageTo, m_layout})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            storeView();
            updateEnabled();
        });

    showView(select);
    if (select >= 0)
        m_list->setCurrentRow(select);
    keepLabelsPlain(this);
    if (newView)
        m_name->setFocus();
    resize(760, 560);
}

View ViewsDialog::defaultView() const
{
    View view;
    view.id = m_document.newId("view");
    // Two views added in one visit must not share the id the map offers.
    while (std::any_of(m_views.begin(), m_views.end(), [&](const View &v) { return v.id == view.id; }))
        view.id = m_document.newId("view");
    view.layout = ViewLayout::Slides;
    view.hideEmptyLanes = true;
    return view;
}

void ViewsDialog::addView()
{
    storeView();
    m_views.push_back(defaultView());
    m_list->addItem(listName(QString()));
    m_list->setCurrentRow(static_cast<int>(m_views.size()) - 1);
    m_name->setFocus();
}

void ViewsDialog::removeView()
{
    if (m_row < 0 || m_row >= static_cast<int>(m_views.size()))
        return;
    const int row = m_row;
    m_row = -1; // the form no longer belongs to a view
    m_views.erase(m_views.begin() + row);
    delete m_list->takeItem(row);
    const int next = std::min(row, static_cast<int>(m_views.size()) - 1);
    showView(next);
    m_list->setCurrentRow(next);
}

void ViewsDialog::showView(int row)
{
    m_row = row >= 0 && row < static_cast<int>(m_views.size()) ? row : -1;
    m_loading = true;
    m_form->setEnabled(m_row >= 0);
    m_remove->setEnabled(m_row >= 0);
    if (m_row >= 0) {
        const View &view = m_views[static_cast<std::size_t>(m_row)];
        m_name->setText(toQString(view.name));

        std::vector<std::pair<std::string, QString>> personas, stages, lanes;
        for (const Persona &p : m_document.personas())
            personas.emplace_back(p.id, toQString(p.name));
        for (const Stage &s : m_document.stages())
            stages.emplace_back(s.id, toQString(s.name));
        for (const Lane &l : m_document.lanes())
            lanes.emplace_back(l.id, laneLabel(l));
        m_allPersonas->setChecked(!view.personas);
        fillChecks(m_personas, personas, view.personas);
        fillChecks(m_stages, stages, view.stages);
        m_allLanes->setChecked(!view.lanes);
        fillChecks(m_lanes, lanes, view.lanes);
        for (int i = 0; i < m_lanes->count(); ++i)
            if (const Lane *lane = m_document.lane(toStdString(m_lanes->item(i)->data(kIdRole).toString()));
                lane && lane->hidden) {
                // A hidden lane stays hidden in every view (views.hpp).
                m_lanes->item(i)->setCheckState(Qt::Unchecked);
                m_lanes->item(i)->setFlags(Qt::NoItemFlags);
            }

        m_stageMode->setCurrentIndex(view.stageRange ? StageRangeMode : view.stages ? StageSetMode : AllStages);
        const int last = std::max(0, m_stageTo->count() - 1);
        const int from = view.stageRange ? m_stageFrom->findData(toQString(view.stageRange->from)) : 0;
        const int to = view.stageRange ? m_stageTo->findData(toQString(view.stageRange->to)) : last;
        m_stageFrom->setCurrentIndex(from < 0 ? 0 : from);
        m_stageTo->setCurrentIndex(to < 0 ? last : to);
        m_hideEmptyLanes->setChecked(view.hideEmptyLanes);
        m_layout->setCurrentIndex(view.layout == ViewLayout::Whole       ? WholePage
                                  : view.aspect == SlideAspect::Standard ? Slides4x3
                                                                         : Slides16x9);
    } else {
        m_name->clear();
        m_personas->clear();
        m_stages->clear();
        m_lanes->clear();
    }
    m_loading = false;
    updateEnabled();
}

void ViewsDialog::storeView()
{
    if (m_loading || m_row < 0 || m_row >= static_cast<int>(m_views.size()))
        return;
    View &view = m_views[static_cast<std::size_t>(m_row)];
    view.name = toStdString(m_name->text().simplified());
    const Document &doc = m_document;
    if (m_allPersonas->isChecked())
        view.personas.reset();
    else
        view.personas = withUnknown(checkedIds(m_personas), view.personas,
                                    [&](const std::string &id) { return doc.persona(id) != nullptr; });
    switch (m_stageMode->currentData().toInt()) {
    case StageRangeMode:
        view.stages.reset();
        view.stageRange = StageRange{toStdString(m_stageFrom->currentData().toString()),
                                     toStdString(m_stageTo->currentData().toString()),
                                     view.stageRange ? view.stageRange->unknown : UnknownKeys{}};
        break;
    case StageSetMode:
        view.stageRange.reset();
        view.stages = withUnknown(checkedIds(m_stages), view.stages,
                                  [&](const std::string &id) { return doc.stage(id) != nullptr; });
        break;
    default: view.stages.reset(); view.stageRange.reset();
    }
    if (m_allLanes->isChecked())
        view.lanes.reset();
    else
        view.lanes = withUnknown(checkedIds(m_lanes), view.lanes,
                                 [&](const std::string &id) { return doc.lane(id) != nullptr; });
    view.hideEmptyLanes = m_hideEmptyLanes->isChecked();
    const int layout = m_layout->currentData().toInt();
    view.layout = layout == WholePage ? ViewLayout::Whole : ViewLayout::Slides;
    if (layout != WholePage)
        view.aspect = layout == Slides4x3 ? SlideAspect::Standard : SlideAspect::Wide;
}

void ViewsDialog::updateEnabled()
{
    m_personas->setEnabled(!m_allPersonas->isChecked());
    m_lanes->setEnabled(!m_allLanes->isChecked());
    const int mode = m_stageMode->currentData().toInt();
    m_stageFrom->setEnabled(mode == StageRangeMode);
    m_stageTo->setEnabled(mode == StageRangeMode);
    m_stages->setEnabled(mode == StageSetMode);
    if (!m_problem->text().isEmpty())
        m_problem->setText(problem());
}

std::string ViewsDialog::selectedId() const
{
    return m_row >= 0 && m_row < static_cast<int>(m_views.size()) ? m_views[static_cast<std::size_t>(m_row)].id
                                                                  : std::string();
}

QString ViewsDialog::problem() const
{
    QSet<QString> names;
    for (const View &builtIn : builtInViews()) {
        names.insert(displayName(builtIn).toCaseFolded());
        names.insert(toQString(builtIn.name).toCaseFolded());
    }
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const View &view = m_views[i];
        const QString name = toQString(view.name);
        const int number = static_cast<int>(i) + 1;
        if (name.isEmpty())
            return tr("View %1 has no name.").arg(number);
        if (names.contains(name.toCaseFolded()))
            return tr("The name “%1” is taken: each view needs its own name.").arg(name);
        names.insert(name.toCaseFolded());
        // A saved view that shows nothing any more (its personas deleted)
        // is the map's business, not this visit's: only new or changed
        // views are held to showing something.
        if (const View *saved = m_document.view(view.id); saved && *saved == view)
            continue;
        const ViewSelection shown = resolveView(m_document, view);
        if (shown.personaIds.empty())
            return tr("The view “%1” shows no persona.").arg(name);
        if (shown.stageIds.empty())
            return tr("The view “%1” shows no stage.").arg(name);
        if (shown.laneIds.empty())
            return tr("The view “%1” shows no lane.").arg(name);
    }
    return {};
}

void ViewsDialog::accept()
{
    storeView();
    const QString wrong = problem();
    m_problem->setText(wrong);
    if (!wrong.isEmpty())
        return;
    QDialog::accept();
}

} // namespace cjm
