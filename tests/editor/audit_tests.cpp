// The touchpoint audit: the table of ratings (editing in place, sorting,
// filtering, the weakest touchpoints tinted) and the audit on paper.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <QAction>
#include <QSettings>
#include <QTableWidget>

#include "audit_panel.hpp"
#include "cjm/audit.hpp"
#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/insights.hpp"
#include "document_controller.hpp"
#include "insights_panel.hpp"
#include "main_window.hpp"
#include "map_scene.hpp"
#include "qt_text.hpp"

using namespace cjm;

namespace {
void load(DocumentController &controller, const char *name)
{
    Problems problems;
    REQUIRE(controller.load(QStringLiteral(CJM_SAMPLES_DIR "/") + QLatin1String(name), problems));
}

std::size_t touchpointCount(const Document &doc)
{
    std::size_t n = 0;
    for (const Card &card : doc.cards())
        n += doc.cardKind(card) == LaneKind::Touchpoints;
    return n;
}
} // namespace

TEST_CASE("the audit table lists every touchpoint and rates in place, one undo step each", "[audit]")
{
    DocumentController controller;
    load(controller, "ecommerce-en.cjm");
    AuditPanel panel(&controller);
    AuditTableModel *model = panel.model();
    REQUIRE(model->rowCount() == static_cast<int>(touchpointCount(controller.document())));
    CHECK(model->columnCount() == AuditTableModel::ColumnCount);
    CHECK(model->headerData(AuditTableModel::FirstRating, Qt::Horizontal, Qt::DisplayRole).toString() ==
          QStringLiteral("Simple"));

    const QModelIndex simple = model->index(0, AuditTableModel::FirstRating);
    const std::string id = model->index(0, 0).data(AuditTableModel::CardIdRole).toString().toStdString();
    CHECK(model->flags(simple) & Qt::ItemIsEditable);
    CHECK_FALSE(model->flags(model->index(0, AuditTableModel::Touchpoint)) & Qt::ItemIsEditable);
    REQUIRE(model->setData(simple, 1, Qt::EditRole));
    CHECK(controller.document().card(id)->audit->simple == 1);
    CHECK(simple.data().toString() == QStringLiteral("1"));
    CHECK_FALSE(model->setData(simple, 9, Qt::EditRole)); // ratings are 0–5
    controller.undoStack()->undo();
    CHECK(controller.document().card(id)->audit.value_or(Audit{}).simple != 1);
}

TEST_CASE("the audit sorts by any column as numbers and tints the weakest touchpoints", "[audit]")
{
    DocumentController controller;
    load(controller, "ecommerce-en.cjm");
    // Rate every touchpoint: the first ones poorly, the rest well.
    const Document &doc = controller.document();
    std::vector<std::string> ids;
    for (const AuditEntry &entry : auditEntries(doc))
        ids.push_back(entry.card->id);
    REQUIRE(ids.size() >= 5);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        Card card = *doc.card(ids[i]);
        Audit audit;
        const int rating = i == 0 ? 1 : i == 1 ? 2 : 4 + static_cast<int>(i % 2);
        for (const auto &criterion : auditCriteria())
            audit.*criterion.field = rating;
        card.audit = audit;
        REQUIRE(controller.apply(updateCard(card), QStringLiteral("Rate")));
    }
    AuditPanel panel(&controller);
    AuditTableModel *model = panel.model();
    // The weakest: the lowest fifth of those rated, below 3.
    const auto weakest = weakestTouchpoints(doc);
    CHECK(weakest.front() == ids[0]);
    for (int row = 0; row < model->rowCount(); ++row) {
        const std::string id = model->index(row, 0).data(AuditTableModel::CardIdRole).toString().toStdString();
        const bool weak = std::find(weakest.begin(), weakest.end(), id) != weakest.end();
        CHECK(model->index(row, 0).data(AuditTableModel::WeakRole).toBool() == weak);
        CHECK(model->index(row, 0).data(Qt::BackgroundRole).isValid() == weak);
    }
    CHECK(model->index(0, 0).data(AuditTableModel::WeakRole).toBool());
    CHECK_FALSE(model->index(3, 0).data(AuditTableModel::WeakRole).toBool());

    // Sorting by the average, highest first, then lowest first.
    panel.view()->sortByColumn(AuditTableModel::Average, Qt::DescendingOrder);
    AuditFilterModel *sorted = panel.filter();
    double previous = 10;
    for (int row = 0; row < sorted->rowCount(); ++row) {
        const double average = sorted->index(row, AuditTableModel::Average).data(Qt::EditRole).toDouble();
        CHECK(average <= previous);
        previous = average;
    }
    panel.view()->sortByColumn(AuditTableModel::Average, Qt::AscendingOrder);
    CHECK(sorted->index(0, 0).data(AuditTableModel::CardIdRole).toString().toStdString() == ids[0]);

    // The average says what it rests on.
    const QModelIndex anyRow = sorted->mapToSource(sorted->index(0, 0));
    CHECK(model->index(anyRow.row(), AuditTableModel::Average).data().toString() == QStringLiteral("1.0 (6 of 6)"));
    REQUIRE(model->setData(model->index(anyRow.row(), AuditTableModel::FirstRating), 0, Qt::EditRole));
    CHECK(model->index(anyRow.row(), AuditTableModel::Average).data().toString() == QStringLiteral("1.0 (5 of 6)"));

    // Rating the weakest one up takes its tint away.
    const QModelIndex first = sorted->mapToSource(sorted->index(0, 0));
    for (int c = 0; c < 6; ++c)
        REQUIRE(model->setData(model->index(first.row(), AuditTableModel::FirstRating + c), 5, Qt::EditRole));
    CHECK_FALSE(model->index(first.row(), 0).data(AuditTableModel::WeakRole).toBool());
}

TEST_CASE("the audit filters by persona, stage and channel", "[audit]")
{
    DocumentController controller;
    load(controller, "retail-zh.cjm");
    AuditPanel panel(&controller);
    const int all = panel.filter()->rowCount();
    REQUIRE(all > 3);
    QComboBox *persona = panel.personaFilter();
    REQUIRE(persona->count() >= 2); // "All" and at least one persona
    persona->setCurrentIndex(1);
    const QString chosen = persona->currentData().toString();
    const int some = panel.filter()->rowCount();
    CHECK(some > 0);
    CHECK(some <= all);
    for (int row = 0; row < some; ++row)
        CHECK(panel.filter()->index(row, AuditTableModel::Persona).data().toString() == chosen);
    QComboBox *channel = panel.channelFilter();
    REQUIRE(channel->count() >= 2);
    channel->setCurrentIndex(1);
    for (int row = 0; row < panel.filter()->rowCount(); ++row)
        CHECK(panel.filter()->index(row, AuditTableModel::Channel).data().toString() ==
              channel->currentData().toString());
    persona->setCurrentIndex(0);
    channel->setCurrentIndex(0);
    CHECK(panel.filter()->rowCount() == all);
}

TEST_CASE("the insights panel shows the numbers of the map, and the heat strip toggles and is remembered", "[insights]")
{
    DocumentController controller;
    load(controller, "ecommerce-en.cjm");
    MapScene scene(&controller);
    InsightsPanel panel(&scene);
    panel.refresh();
    const Insights expected = computeInsights(controller.document());
    QTableWidget *table = panel.table();
    REQUIRE(table->rowCount() == static_cast<int>(controller.document().stages().size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const StageInsight &stage = expected.stages[static_cast<std::size_t>(row)];
        CHECK(table->item(row, 0)->text() ==
              toQString(controller.document().stages()[static_cast<std::size_t>(row)].name));
        CHECK(table->item(row, 1)->text().toInt() == stage.painPoints);
        CHECK(table->item(row, 2)->text().toInt() == stage.barriers);
        CHECK(table->item(row, 3)->text().toInt() == stage.severity);
        CHECK(table->item(row, 5)->text().toInt() == stage.opportunities[1]);
    }
    int personasWithEmotions = 0;
    for (std::size_t p = 0; p < controller.document().personas().size(); ++p)
        personasWithEmotions +=
            std::any_of(expected.stages.begin(), expected.stages.end(),
                        [&](const StageInsight &stage) { return stage.averageEmotion[p].has_value(); });
    CHECK(panel.chart()->seriesCount() == personasWithEmotions);

    // An edit shows up once the panel refreshes.
    const Card *pain = nullptr;
    for (const Card &card : controller.document().cards())
        if (controller.document().cardKind(card) == LaneKind::PainPoints)
            pain = &card;
    REQUIRE(pain);
    const int stageRow = static_cast<int>(controller.document().stageIndex(pain->stage).value());
    const int before = table->item(stageRow, 1)->text().toInt();
    REQUIRE(controller.apply(removeCard(pain->id), QStringLiteral("Remove")));
    panel.refresh();
    CHECK(table->item(stageRow, 1)->text().toInt() == before - 1);
}

TEST_CASE("the insights panel lists each persona's largest felt-to-desired gaps and follows edits", "[insights]")
{
    DocumentController controller;
    load(controller, "ecommerce-en.cjm");
    MapScene scene(&controller);
    InsightsPanel panel(&scene);
    panel.refresh();
    QTableWidget *gaps = panel.gapsTable();
    REQUIRE(gaps);
    // No desired scores in the sample: one row says how to get some.
    REQUIRE(gaps->rowCount() == 1);
    CHECK(gaps->item(0, 0)->text().contains(QStringLiteral("Desired")));

    const Document &doc = controller.document();
    const Card *emotion = nullptr;
    for (const Card &card : doc.cards())
        if (doc.cardKind(card) == LaneKind::Emotions && card.score && *card.score < 3) {
            emotion = &card;
            break;
        }
    REQUIRE(emotion);
    const std::string id = emotion->id;
    const int felt = *emotion->score;
    const std::string personaName = doc.persona(emotion->persona)->name;
    const std::string stageName = doc.stage(emotion->stage)->name;
    REQUIRE(controller.apply(setField(fields::card::desired, id, std::optional(3)), QStringLiteral("Desired")));
    panel.refresh();
    REQUIRE(gaps->rowCount() == 1);
    CHECK(gaps->item(0, 0)->text() == toQString(personaName));
    CHECK(gaps->item(0, 1)->text() == toQString(stageName));
    CHECK(gaps->item(0, 2)->text().toInt() == felt);
    CHECK(gaps->item(0, 3)->text() == QStringLiteral("+3"));
    CHECK(gaps->item(0, 4)->text().remove(QLatin1Char('+')).toInt() == 3 - felt);
    CHECK(gaps->item(0, 4)->data(Qt::UserRole).toString() == toQString(id));
    // The cut names say themselves in full, as text: a name is never markup.
    CHECK(gaps->item(0, 0)->toolTip().contains(toQString(personaName).toHtmlEscaped()));
    CHECK(gaps->item(0, 1)->toolTip().contains(toQString(stageName).toHtmlEscaped()));

    Persona renamed = *doc.persona(emotion->persona);
    renamed.name = "<b>Bold</b> & co";
    REQUIRE(controller.apply(updatePersona(renamed), QStringLiteral("Rename")));
    panel.refresh();
    CHECK(gaps->item(0, 0)->text() == QStringLiteral("<b>Bold</b> & co"));
    CHECK(gaps->item(0, 0)->toolTip().contains(QStringLiteral("&lt;b&gt;Bold&lt;/b&gt; &amp; co")));

    // Undoing the desired score empties the list again.
    controller.undoStack()->undo();
    controller.undoStack()->undo();
    panel.refresh();
    REQUIRE(gaps->rowCount() == 1);
    CHECK(gaps->item(0, 4) == nullptr);
}

TEST_CASE("View ▸ Pain Heat Strip turns the strip on the canvas on and off", "[insights]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    auto *action = window.findChild<QAction *>(QStringLiteral("heatStripAction"));
    REQUIRE(action);
    const bool before = window.scene()->showHeatStrip();
    action->trigger();
    CHECK(window.scene()->showHeatStrip() == !before);
    CHECK(QSettings().value(QStringLiteral("view/heatStrip")).toBool() == !before);
    action->trigger();
    CHECK(window.scene()->showHeatStrip() == before);
}

TEST_CASE("while shown, the audit follows edits by card id and reloads once edits settle, not per edit", "[audit]")
{
    DocumentController controller;
    load(controller, "ecommerce-en.cjm");
    AuditPanel panel(&controller);
    panel.show();
    QApplication::processEvents();
    AuditTableModel *model = panel.model();
    const int rows = model->rowCount();
    REQUIRE(rows >= 2);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);
    const std::string id = model->index(0, 0).data(AuditTableModel::CardIdRole).toString().toStdString();
    const Document &doc = controller.document();
    // A drag: the touchpoint crosses three stages, one edit per step.
    for (std::size_t s = 1; s <= 3; ++s) {
        const Card card = *doc.card(id);
        REQUIRE(
            controller.apply(moveCard(id, card.persona, doc.stages().at(s).id, card.lane, 0), QStringLiteral("Move")));
        CHECK(resets.count() == 0); // no pass over every touchpoint per step
        // The row shows its card as it is now.
        CHECK(model->index(0, AuditTableModel::Stage).data().toString() == toQString(doc.stages().at(s).name));
    }
    // Once the edits have settled, one reload puts the rows in map order.
    REQUIRE(QTest::qWaitFor([&] { return resets.count() == 1; }, 5000));
    CHECK_FALSE(model->isStale());
    CHECK(model->rowCount() == rows);

    // A removed touchpoint's row shows nothing until the reload drops it.
    const int removedRow = 1;
    const std::string removed = model->index(removedRow, 0).data(AuditTableModel::CardIdRole).toString().toStdString();
    REQUIRE(controller.apply(removeCard(removed), QStringLiteral("Remove")));
    CHECK(model->rowCount() == rows);
    CHECK(model->index(removedRow, AuditTableModel::Touchpoint).data().toString().isEmpty());
    REQUIRE(QTest::qWaitFor([&] { return resets.count() == 2; }, 5000));
    CHECK(model->rowCount() == rows - 1);
}
