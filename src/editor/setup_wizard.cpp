#include "setup_wizard.hpp"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>
#include <algorithm>
#include <functional>
#include <optional>

#include "cjm/touchpoint_library.hpp"
#include "map_style.hpp"
#include "new_map.hpp"
#include "qt_text.hpp"
#include "translations.hpp"

namespace cjm {

namespace {
constexpr int kLibraryIdRole = Qt::UserRole + 1;
constexpr int kPhaseRole = Qt::UserRole + 2; // on a phase group: its Phase

// A page whose "Next" waits for `complete` to say yes.
class CheckedPage : public QWizardPage {
public:
    std::function<bool()> complete;
    bool isComplete() const override { return !complete || complete(); }
    void changed() { emit completeChanged(); }
};

std::optional<Document> templateDocument(const std::vector<MapTemplate> &templates, int index)
{
    if (index < 0 || index >= static_cast<int>(templates.size()))
        return std::nullopt;
    return documentFromTemplate(templates[static_cast<std::size_t>(index)].path);
}
} // namespace

SetupWizard::SetupWizard(std::vector<MapTemplate> templates, UiLanguage language, QWidget *parent)
    : QWizard(parent), m_templates(std::move(templates)), m_language(language == UiLanguage::SimplifiedChinese    ? 1
                                                                     : language == UiLanguage::TraditionalChinese ? 2
                                                                                                                  : 0),
      m_uiLanguage(language)
{
    setWindowTitle(tr("New Journey Map"));
    setObjectName(QStringLiteral("setupWizard"));
    setOption(QWizard::NoBackButtonOnStartPage);

    // 1. The goal.
    auto *goalPage = new CheckedPage;
    goalPage->setTitle(tr("What is this map for?"));
    goalPage->setSubTitle(tr("A journey map answers a question. Name it, and say what the team wants to learn or "
                             "change."));
    m_title = new QLineEdit(goalPage);
    m_title->setObjectName(QStringLiteral("wizardTitle"));
    m_goal = new QLineEdit(goalPage);
    m_goal->setPlaceholderText(tr("e.g. Find out why first-time buyers do not come back"));
    m_type = new QComboBox(goalPage);
    m_type->addItem(tr("Current state: how it is today"), static_cast<int>(MapType::Current));
    m_type->addItem(tr("Future state: how it should be"), static_cast<int>(MapType::Future));
    m_type->addItem(tr("Day in the life: the customer's whole day"), static_cast<int>(MapType::DayInLife));
    m_template = new QComboBox(goalPage);
    m_template->setObjectName(QStringLiteral("wizardTemplate"));
    for (const MapTemplate &t : m_templates)
        m_template->addItem(t.title);
    auto *goalForm = new QFormLayout(goalPage);
    goalForm->addRow(tr("Title:"), m_title);
    goalForm->addRow(tr("Goal:"), m_goal);
    goalForm->addRow(tr("Map type:"), m_type);
    goalForm->addRow(tr("Stages from:"), m_template);
    goalPage->complete = [this] { return !m_title->text().trimmed().isEmpty(); };
    connect(m_title, &QLineEdit::textChanged, goalPage, &CheckedPage::changed);
    addPage(goalPage);

    // 2. The audience.
    auto *audiencePage = new CheckedPage;
    audiencePage->setTitle(tr("Who is on the journey?"));
    audiencePage->setSubTitle(tr("The audience segment, and its personas. One map per persona is easiest to read; "
                                 "several personas on one map are fine when their journeys are compared."));
    m_segment = new QLineEdit(audiencePage);
    m_segment->setPlaceholderText(tr("e.g. Parents of school children, first online purchase"));
    m_personas = new QPlainTextEdit(audiencePage);
    m_personas->setObjectName(QStringLiteral("wizardPersonas"));
    m_personas->setPlaceholderText(tr("One persona per line"));
    m_personas->setTabChangesFocus(true); // keyboard users reach Next with Tab
    auto *audienceForm = new QFormLayout(audiencePage);
    audienceForm->addRow(tr("Segment:"), m_segment);
    audienceForm->addRow(tr("Personas:"), m_personas);
    audiencePage->complete = [this] { return !lines(m_personas).isEmpty(); };
    connect(m_personas, &QPlainTextEdit::textChanged, audiencePage, &CheckedPage::changed);
    addPage(audiencePage);

    // 3. The stages.
    auto *stagesPage = new CheckedPage;
    stagesPage->setTitle(tr("The stages of the journey"));
    stagesPage->setSubTitle(tr("From the first contact to coming back, in the customer's words. Rename, add or "
                               "remove lines."));
    m_stages = new QPlainTextEdit(stagesPage);
    m_stages->setObjectName(QStringLiteral("wizardStages"));
    m_stages->setTabChangesFocus(true);
    auto *stagesLayout = new QVBoxLayout(stagesPage);
    stagesLayout->addWidget(m_stages);
    stagesPage->complete = [this] { return !lines(m_stages).isEmpty(); };
    connect(m_stages, &QPlainTextEdit::textChanged, stagesPage, &CheckedPage::changed);
    addPage(stagesPage);

    // 4. The touchpoints.
    auto *touchpointsPage = new QWizardPage;
    touchpointsPage->setTitle(tr("Touchpoints"));
    touchpointsPage->setSubTitle(tr("Where does the customer meet you in each stage? Tick them; you can add your "
                                    "own on the map later."));
    m_touchpoints = new QTreeWidget(touchpointsPage);
    m_touchpoints->setObjectName(QStringLiteral("wizardTouchpoints"));
    m_touchpoints->setHeaderLabels({tr("Touchpoint"), tr("Channel"), tr("Kind")});
    m_touchpoints->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_touchpoints, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (column == 0 && item->parent() && item->data(0, kLibraryIdRole).isValid())
            nameGroup(item->parent());
    });
    auto *touchpointsLayout = new QVBoxLayout(touchpointsPage);
    touchpointsLayout->addWidget(m_touchpoints);
    addPage(touchpointsPage);

    connect(m_template, &QComboBox::currentIndexChanged, this, &SetupWizard::refreshStages);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == 3)
            refreshTouchpoints();
    });
    refreshStages();
    resize(720, 540);
}

QStringList SetupWizard::lines(const QPlainTextEdit *edit) const
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

void SetupWizard::refreshStages()
{
    // Hand edits win over a later change of template.
    if (!m_stages->toPlainText().isEmpty() && m_stages->toPlainText() != m_stagesFromTemplate)
        return;
    QStringList names;
    if (auto doc = templateDocument(m_templates, m_template->currentIndex()))
        for (const Stage &stage : doc->stages())
            names << toQString(stage.name);
    m_stagesFromTemplate = names.join(QLatin1Char('\n'));
    m_stages->setPlainText(m_stagesFromTemplate);
}

void SetupWizard::refreshTouchpoints()
{
    // Keep what was ticked, by stage name and touchpoint.
    QSet<QString> ticked;
    for (int s = 0; s < m_touchpoints->topLevelItemCount(); ++s)
        for (int g = 0; g < m_touchpoints->topLevelItem(s)->childCount(); ++g)
            for (int t = 0; t < m_touchpoints->topLevelItem(s)->child(g)->childCount(); ++t) {
                QTreeWidgetItem *item = m_touchpoints->topLevelItem(s)->child(g)->child(t);
                if (item->checkState(0) == Qt::Checked)
                    ticked << m_touchpoints->topLevelItem(s)->text(0) + QLatin1Char('\n') +
                                  item->data(0, kLibraryIdRole).toString();
            }
    m_touchpoints->clear();
    const QString mediumNames[] = {tr("online"), tr("offline"), tr("third party")};
    const std::optional<Document> shape = templateDocument(m_templates, m_template->currentIndex());
    const QStringList stageNames = lines(m_stages);
    for (int s = 0; s < stageNames.size(); ++s) {
        const QString &stageName = stageNames[s];
        auto *stageItem = new QTreeWidgetItem(m_touchpoints, {stageName});
        // The stage's own phase (as result() gives it) comes first and open;
        // the other phases' touchpoints are there, closed, for the stage
        // that needs one of them. A stage without a phase opens none.
        const Phase own = shape && s < static_cast<int>(shape->stages().size())
                              ? shape->stages()[static_cast<std::size_t>(s)].phase
                              : Phase::None;
        std::vector<Phase> phases{Phase::Before, Phase::During, Phase::After};
        std::stable_partition(phases.begin(), phases.end(), [own](Phase phase) { return phase == own; });
        for (const Phase phase : phases) {
            auto *groupItem = new QTreeWidgetItem(stageItem);
            groupItem->setData(0, kPhaseRole, static_cast<int>(phase));
            for (const LibraryTouchpoint &touchpoint : touchpointLibrary()) {
                if (touchpoint.group != phase)
                    continue;
                auto *item = new QTreeWidgetItem(groupItem, {toQString(touchpointName(touchpoint, m_language)),
                                                             channelDisplayName(std::string(touchpoint.channel)),
                                                             mediumNames[static_cast<int>(touchpoint.medium)]});
                const QString id = toQString(std::string(touchpoint.id));
                item->setData(0, kLibraryIdRole, id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(0,
                                    ticked.contains(stageName + QLatin1Char('\n') + id) ? Qt::Checked : Qt::Unchecked);
            }
            nameGroup(groupItem);
            groupItem->setExpanded(phase == own);
        }
        stageItem->setExpanded(true);
    }
}

void SetupWizard::nameGroup(QTreeWidgetItem *groupItem)
{
    if (!groupItem || groupItem->data(0, kPhaseRole).isNull())
        return;
    int tickedCount = 0;
    for (int t = 0; t < groupItem->childCount(); ++t)
        if (groupItem->child(t)->checkState(0) == Qt::Checked)
            ++tickedCount;
    const auto phase = static_cast<Phase>(groupItem->data(0, kPhaseRole).toInt());
    const QString name = phase == Phase::Before   ? tr("Before purchase")
                         : phase == Phase::During ? tr("During purchase")
                                                  : tr("After purchase");
    // The count says what a closed group holds, and what was ticked in it.
    const QString count = tickedCount > 0 ? tr("%1 of %n ticked", "", groupItem->childCount()).arg(tickedCount)
                                          : tr("%n touchpoint(s)", "", groupItem->childCount());
    groupItem->setText(0, tr("%1 (%2)").arg(name, count));
}

bool SetupWizard::setTouchpointChecked(int stage, std::string_view id, bool checked)
{
    if (stage < 0 || stage >= m_touchpoints->topLevelItemCount())
        return false;
    QTreeWidgetItem *stageItem = m_touchpoints->topLevelItem(stage);
    for (int g = 0; g < stageItem->childCount(); ++g)
        for (int t = 0; t < stageItem->child(g)->childCount(); ++t) {
            QTreeWidgetItem *item = stageItem->child(g)->child(t);
            if (item->data(0, kLibraryIdRole).toString() == toQString(std::string(id))) {
                item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    return false;
}

Document SetupWizard::result() const
{
    const std::optional<Document> base = templateDocument(m_templates, m_template->currentIndex());
    const Document fallback = newDefaultMap();
    const Document &shape = base ? *base : fallback;
    Document scratch; // for fresh ids
    Journey journey;
    journey.id = scratch.newId("journey");
    journey.title = toStdString(m_title->text().trimmed());
    journey.goal = toStdString(m_goal->text().trimmed());
    journey.type = static_cast<MapType>(m_type->currentData().toInt());
    journey.segment = toStdString(m_segment->text().trimmed());
    journey.created = toStdString(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    // The wizard's words (touchpoints, template stages) are in its language.
    journey.language = mapLanguageTag(m_uiLanguage);

    std::vector<Persona> personas;
    for (const QString &name : lines(m_personas)) {
        Persona persona;
        persona.id = "persona-" + std::to_string(personas.size() + 1);
        persona.name = toStdString(name);
        persona.segment = journey.segment;
        personas.push_back(std::move(persona));
    }
    std::vector<Stage> stages;
    const QStringList stageNames = lines(m_stages);
    for (int i = 0; i < stageNames.size(); ++i) {
        Stage stage;
        stage.id = "stage-" + std::to_string(i + 1);
        stage.name = toStdString(stageNames[i]);
        // The template's phase for the stage in its place; a stage added by hand has none.
        if (i < static_cast<int>(shape.stages().size()))
            stage.phase = shape.stages()[static_cast<std::size_t>(i)].phase;
        stages.push_back(std::move(stage));
    }
    std::vector<Lane> lanes = shape.lanes();
    std::string touchpointLane;
    for (const Lane &lane : lanes)
        if (touchpointLane.empty() && effectiveKind(lane.kind) == LaneKind::Touchpoints)
            touchpointLane = lane.id;
    if (touchpointLane.empty()) {
        lanes.insert(lanes.begin(), Lane::make("lane-touchpoints", LaneKind::Touchpoints));
        touchpointLane = "lane-touchpoints";
    }

    // Each ticked touchpoint becomes a card in every persona's band.
    std::vector<Card> cards;
    for (int s = 0; s < m_touchpoints->topLevelItemCount() && s < static_cast<int>(stages.size()); ++s) {
        QTreeWidgetItem *stageItem = m_touchpoints->topLevelItem(s);
        std::vector<const LibraryTouchpoint *> chosen;
        for (int g = 0; g < stageItem->childCount(); ++g)
            for (int t = 0; t < stageItem->child(g)->childCount(); ++t) {
                QTreeWidgetItem *item = stageItem->child(g)->child(t);
                if (item->checkState(0) != Qt::Checked)
                    continue;
                const std::string id = toStdString(item->data(0, kLibraryIdRole).toString());
                for (const LibraryTouchpoint &touchpoint : touchpointLibrary())
                    if (touchpoint.id == id)
                        chosen.push_back(&touchpoint);
            }
        for (const Persona &persona : personas)
            for (std::size_t i = 0; i < chosen.size(); ++i) {
                Card card;
                card.id = "card-" + std::to_string(cards.size() + 1);
                card.persona = persona.id;
                card.stage = stages[static_cast<std::size_t>(s)].id;
                card.lane = touchpointLane;
                card.order = static_cast<std::int64_t>(i);
                card.text = touchpointName(*chosen[i], m_language);
                card.channel = std::string(chosen[i]->channel);
                card.direct = chosen[i]->direct;
                card.tags = {std::string(toString(chosen[i]->medium))};
                cards.push_back(std::move(card));
            }
    }
    return Document::fromParts(std::move(journey), std::move(personas), std::move(stages), std::move(lanes),
                               std::move(cards));
}

} // namespace cjm
