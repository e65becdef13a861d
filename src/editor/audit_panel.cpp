#include "audit_panel.hpp"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "audit_report.hpp"
#include "document_controller.hpp"
#include "map_operations.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

AuditTableModel::AuditTableModel(DocumentController *controller, QObject *parent)
    : QAbstractTableModel(parent), m_controller(controller)
{
    connect(controller, &DocumentController::documentReset, this, &AuditTableModel::documentChanged);
    connect(controller, &DocumentController::changed, this, [this](const ChangeSet &changes) {
        // Names are in rows and filters; the journey's review dates in the heading.
        if (changes.touchesStructure() || changes.touchesLabels() || changes.touchesJourney() ||
            changes.touchesTopLevel())
            documentChanged();
        else
            cardsChanged(changes.cardIds());
    });
    m_reload = new QTimer(this);
    m_reload->setSingleShot(true);
    m_reload->setInterval(150);
    connect(m_reload, &QTimer::timeout, this, &AuditTableModel::reload);
    reload();
}

void AuditTableModel::documentChanged()
{
    if (m_applying)
        return; // our own rating: setData updates the row
    if (m_shownBy && !m_shownBy->isVisible()) {
        // Hidden: no work per edit, and no pointers into the changed map.
        if (!m_stale) {
            beginResetModel();
            m_rows.clear();
            m_rowOf.clear();
            m_weak.clear();
            endResetModel();
            m_stale = true;
        }
        return;
    }
    // Shown: a reload is a pass over every touchpoint, so it waits until a
    // burst of edits is over; the rows on screen follow their cards by id
    // meanwhile.
    m_stale = true;
    m_reload->start();
}

void AuditTableModel::cardsChanged(const std::vector<std::string> &cardIds)
{
    documentChanged();
    if (m_applying || !m_stale || m_rows.empty())
        return;
    // The changed cards' rows show their cards as they are now. Only those:
    // a change over every row would make the sorting proxy re-sort them all.
    for (const std::string &id : cardIds)
        if (auto row = m_rowOf.find(id); row != m_rowOf.end())
            emit dataChanged(index(row->second, 0), index(row->second, ColumnCount - 1));
}

void AuditTableModel::reload()
{
    m_stale = false;
    m_reload->stop();
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    for (const AuditEntry &entry : auditEntries(m_controller->document())) {
        m_rowOf.emplace(entry.card->id, static_cast<int>(m_rows.size()));
        m_rows.push_back(entry.card->id);
    }
    const auto weak = weakestTouchpoints(m_controller->document());
    m_weak = {weak.begin(), weak.end()};
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Persona: return tr("Persona");
    case Stage: return tr("Stage");
    case Channel: return tr("Channel");
    case Contact: return tr("Contact");
    case Touchpoint: return tr("Touchpoint");
    case Average: return tr("Average");
    default:
        return QCoreApplication::translate(
            "AuditCriteria",
            std::string(auditCriteria()[static_cast<std::size_t>(section - FirstRating)].name).c_str());
    }
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size()))
        return {};
    const Document &doc = m_controller->document();
    const Card *found = doc.card(m_rows[static_cast<std::size_t>(index.row())]);
    if (!found)
        return {}; // removed: the reload that drops its row is on its way
    const Card &card = *found;
    const Audit audit = card.audit.value_or(Audit{});
    const int column = index.column();
    if (role == CardIdRole)
        return toQString(card.id);
    if (role == WeakRole)
        return m_weak.count(card.id) > 0;
    if (role == Qt::BackgroundRole && m_weak.count(card.id))
        return QColor(0xfde2e2);
    if (role == Qt::ToolTipRole && m_weak.count(card.id))
        return tr("One of the weakest touchpoints: among the lowest fifth of those rated, below 3 of 5.");
    if (role == Qt::TextAlignmentRole && column >= FirstRating)
        return int(Qt::AlignCenter);
    const bool edit = role == Qt::EditRole;
    if (role != Qt::DisplayRole && !edit)
        return {};
    switch (column) {
    case Persona: {
        const cjm::Persona *persona = doc.persona(card.persona);
        return persona ? toQString(persona->name) : QString();
    }
    case Stage: {
        const cjm::Stage *stage = doc.stage(card.stage);
        return stage ? toQString(stage->name) : QString();
    }
    case Channel: return card.channel.empty() ? QString() : channelDisplayName(card.channel);
    case Contact: return card.direct ? tr("direct") : tr("indirect");
    case Touchpoint: return toQString(card.text);
    case Average: {
        const double average = card.audit ? auditAverage(*card.audit) : 0.0;
        if (edit)
            return average; // sorts numerically
        if (average <= 0)
            return QString();
        // What the average rests on: "3.5 (4 of 6)" is not as sure as "3.5 (6 of 6)".
        return tr("%1 (%2 of %3)")
            .arg(QLocale().toString(average, 'f', 1))
            .arg(ratedCriteria(*card.audit))
            .arg(auditCriteria().size());
    }
    default: {
        const int rating = audit.*auditCriteria()[static_cast<std::size_t>(column - FirstRating)].field;
        if (edit)
            return rating;
        return rating > 0 ? QString::number(rating) : QString();
    }
    }
}

Qt::ItemFlags AuditTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() >= FirstRating && index.column() < Average && !m_controller->isReadOnly())
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool AuditTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() < FirstRating || index.column() >= Average ||
        index.row() >= static_cast<int>(m_rows.size()))
        return false;
    bool ok = false;
    const int rating = value.toInt(&ok);
    if (!ok || rating < 0 || rating > 5)
        return false;
    const Card *current = m_controller->document().card(m_rows[static_cast<std::size_t>(index.row())]);
    if (!current)
        return false;
    const AuditCriterion &criterion = auditCriteria()[static_cast<std::size_t>(index.column() - FirstRating)];
    if (current->audit.value_or(Audit{}).*criterion.field == rating)
        return true;
    m_applying = true;
    const bool applied = m_controller->operations().setAuditRating(current->id, criterion, rating);
    m_applying = false;
    if (!applied)
        return false;
    // The rows stay as they are (the table is not rebuilt under the user's
    // hands); the weakest set may change with this rating.
    const auto weak = weakestTouchpoints(m_controller->document());
    m_weak = {weak.begin(), weak.end()};
    emit dataChanged(this->index(0, 0), this->index(rowCount() - 1, ColumnCount - 1));
    emit ratingsChanged();
    return true;
}

void AuditFilterModel::setFilters(QString persona, QString stage, QString channel)
{
    if (persona == m_persona && stage == m_stage && channel == m_channel)
        return; // the same filters: nothing to filter again (the proxy follows changed rows itself)
    m_persona = std::move(persona);
    m_stage = std::move(stage);
    m_channel = std::move(channel);
    invalidateFilter();
}

bool AuditFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    auto matches = [&](int column, const QString &wanted) {
        return wanted.isEmpty() || sourceModel()->index(row, column, parent).data().toString() == wanted;
    };
    return matches(AuditTableModel::Persona, m_persona) && matches(AuditTableModel::Stage, m_stage) &&
           matches(AuditTableModel::Channel, m_channel);
}

AuditPanel::AuditPanel(DocumentController *controller, QWidget *parent) : QWidget(parent), m_controller(controller)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *filters = new QHBoxLayout;
    m_persona = new QComboBox(this);
    m_persona->setObjectName(QStringLiteral("auditPersonaFilter"));
    m_stage = new QComboBox(this);
    m_stage->setObjectName(QStringLiteral("auditStageFilter"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("auditChannelFilter"));
    filters->addWidget(plainLabel(tr("Persona:"), this));
    filters->addWidget(m_persona);
    filters->addWidget(plainLabel(tr("Stage:"), this));
    filters->addWidget(m_stage);
    filters->addWidget(plainLabel(tr("Channel:"), this));
    filters->addWidget(m_channel);
    filters->addStretch(1);
    auto *worksheet = new QPushButton(tr("Print Worksheet..."), this);
    worksheet->setObjectName(QStringLiteral("auditWorksheetButton"));
    worksheet->setToolTip(tr("A PDF checklist with empty rating boxes, for a walk through the store or the site"));
    auto *pdf = new QPushButton(tr("Export PDF..."), this);
    auto *csv = new QPushButton(tr("Export CSV..."), this);
    filters->addWidget(worksheet);
    filters->addWidget(pdf);
    filters->addWidget(csv);
    layout->addLayout(filters);

    m_model = new AuditTableModel(controller, this);
    m_model->setShownBy(this);
    m_filter = new AuditFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(Qt::EditRole); // ratings and averages sort as numbers
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // map order until a header is clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(AuditTableModel::Touchpoint, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);
    m_summary = plainLabel(QString(), this);
    layout->addWidget(m_summary);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QString id = current.data(AuditTableModel::CardIdRole).toString();
                if (!id.isEmpty())
                    emit showCard(id.toStdString());
            });
    for (QComboBox *combo : {m_persona, m_stage, m_channel})
        connect(combo, &QComboBox::currentIndexChanged, this, &AuditPanel::applyFilters);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditPanel::refillFilters);
    // The summary counts ratings: it changes when a rating does, not when a
    // touchpoint moves (a drag changes rows one by one).
    connect(m_model, &AuditTableModel::ratingsChanged, this, &AuditPanel::applyFilters);
    connect(worksheet, &QPushButton::clicked, this, [this] { exportFile(QStringLiteral("worksheet")); });
    connect(pdf, &QPushButton::clicked, this, [this] { exportFile(QStringLiteral("pdf")); });
    connect(csv, &QPushButton::clicked, this, [this] { exportFile(QStringLiteral("csv")); });
    refillFilters();
}

void AuditPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_model->isStale())
        m_model->reload();
}

void AuditPanel::refillFilters()
{
    // Keep what was chosen where it still exists.
    auto refill = [](QComboBox *combo, const QStringList &values) {
        const QString chosen = combo->currentData().toString();
        combo->blockSignals(true);
        combo->clear();
        combo->addItem(tr("All"), QString());
        for (const QString &value : values)
            combo->addItem(value.isEmpty() ? tr("(none)") : value, value);
        const int index = combo->findData(chosen);
        combo->setCurrentIndex(index >= 0 ? index : 0);
        combo->blockSignals(false);
    };
    QStringList personas, stages, channels;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto add = [&](QStringList &list, int column) {
            const QString value = m_model->index(row, column).data().toString();
            if (!list.contains(value))
                list << value;
        };
        add(personas, AuditTableModel::Persona);
        add(stages, AuditTableModel::Stage);
        add(channels, AuditTableModel::Channel);
    }
    refill(m_persona, personas);
    refill(m_stage, stages);
    refill(m_channel, channels);
    applyFilters();
}

void AuditPanel::applyFilters()
{
    m_filter->setFilters(m_persona->currentData().toString(), m_stage->currentData().toString(),
                         m_channel->currentData().toString());
    int rated = 0, weak = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        rated += m_model->index(row, AuditTableModel::Average).data(Qt::EditRole).toDouble() > 0;
        weak += m_model->index(row, 0).data(AuditTableModel::WeakRole).toBool();
    }
    m_summary->setText(tr("%1 touchpoints, %2 rated, %3 among the weakest (tinted). Double-click a rating to "
                          "change it (1–5, 0 clears).")
                           .arg(m_model->rowCount())
                           .arg(rated)
                           .arg(weak));
}

void AuditPanel::exportFile(const QString &kind)
{
    const QString folder =
        m_controller->filePath().isEmpty() ? QString() : QFileInfo(m_controller->filePath()).absolutePath();
    const QString base = folder.isEmpty() ? tr("Touchpoint audit") : folder + QLatin1Char('/') + tr("Touchpoint audit");
    const bool csv = kind == QStringLiteral("csv");
    QString path = QFileDialog::getSaveFileName(this, csv ? tr("Export Audit as CSV") : tr("Export Audit as PDF"),
                                                base + (csv ? QStringLiteral(".csv") : QStringLiteral(".pdf")),
                                                csv ? tr("CSV files (*.csv)") : tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const AuditReportKind report = csv                                   ? AuditReportKind::FilledCsv
                                   : kind == QStringLiteral("worksheet") ? AuditReportKind::Worksheet
                                                                         : AuditReportKind::FilledPdf;
    const AuditReportResult result = writeAuditReport(m_controller->document(), path, report);
    if (!result.ok)
        PlainMessageBox::warning(this, tr("Could Not Export Audit"), result.error);
}

} // namespace cjm
