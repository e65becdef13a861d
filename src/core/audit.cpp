#include "cjm/audit.hpp"

#include <algorithm>
#include <cstdio>

#include "cjm/csv.hpp"

// lupdate reads the criteria's names here (update_translations.py scans
// src/core); the Inspector, the audit panel, the Rate menu and the audit
// report translate them in the context "AuditCriteria", which is no class's:
// they belong to core, so renaming a panel cannot lose their translations.
// Core has no Qt: the macro is the text.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace cjm {

const std::array<AuditCriterion, 6> &auditCriteria()
{
    static const std::array<AuditCriterion, 6> criteria = {{
        {"simple", QT_TRANSLATE_NOOP("AuditCriteria", "Simple"), &Audit::simple},
        {"appropriate", QT_TRANSLATE_NOOP("AuditCriteria", "Appropriate"), &Audit::appropriate},
        {"relevant", QT_TRANSLATE_NOOP("AuditCriteria", "Relevant"), &Audit::relevant},
        {"meaningful", QT_TRANSLATE_NOOP("AuditCriteria", "Meaningful"), &Audit::meaningful},
        {"engaging", QT_TRANSLATE_NOOP("AuditCriteria", "Engaging"), &Audit::engaging},
        {"personal", QT_TRANSLATE_NOOP("AuditCriteria", "Personal"), &Audit::personal},
    }};
    return criteria;
}

int ratedCriteria(const Audit &audit)
{
    int rated = 0;
    for (const auto &criterion : auditCriteria())
        rated += audit.*criterion.field > 0;
    return rated;
}

double auditAverage(const Audit &audit)
{
    int sum = 0;
    for (const auto &criterion : auditCriteria())
        sum += audit.*criterion.field;
    const int rated = ratedCriteria(audit);
    return rated == 0 ? 0.0 : static_cast<double>(sum) / rated;
}

std::vector<AuditEntry> auditEntries(const Document &document)
{
    std::vector<AuditEntry> entries;
    for (std::size_t p = 0; p < document.personas().size(); ++p)
        for (std::size_t s = 0; s < document.stages().size(); ++s)
            for (const Lane &lane : document.lanes()) {
                if (effectiveKind(lane.kind) != LaneKind::Touchpoints)
                    continue;
                for (const Card *card :
                     document.cardsInCell(document.personas()[p].id, document.stages()[s].id, lane.id))
                    entries.push_back({card, p, s, card->audit ? auditAverage(*card->audit) : 0.0,
                                       card->audit ? ratedCriteria(*card->audit) : 0});
            }
    return entries;
}

bool auditRanksBefore(const AuditEntry &a, const AuditEntry &b)
{
    const bool aFull = a.rated == static_cast<int>(auditCriteria().size());
    const bool bFull = b.rated == static_cast<int>(auditCriteria().size());
    if (aFull != bFull)
        return aFull;
    return a.average < b.average;
}

std::vector<std::string> weakestTouchpoints(const Document &document)
{
    std::vector<AuditEntry> rated;
    for (const AuditEntry &entry : auditEntries(document))
        if (entry.average > 0)
            rated.push_back(entry);
    std::stable_sort(rated.begin(), rated.end(), auditRanksBefore);
    const std::size_t fifth = std::max<std::size_t>(1, rated.size() / 5);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < rated.size() && i < fifth; ++i)
        if (rated[i].average < 3.0)
            ids.push_back(rated[i].card->id);
    return ids;
}

std::string writeAuditCsv(const Document &document)
{
    std::string out = "\xEF\xBB\xBF"; // Excel needs the BOM to read UTF-8 (Chinese) correctly
    std::vector<std::string> header = {"persona", "stage", "phase", "channel", "direct", "touchpoint"};
    for (const auto &criterion : auditCriteria())
        header.emplace_back(criterion.key);
    header.insert(header.end(), {"average", "note", "reviewed"});
    auto writeRow = [&](const std::vector<std::string> &row) { out += csvRow(row); };
    writeRow(header);
    for (const AuditEntry &entry : auditEntries(document)) {
        const Card &card = *entry.card;
        const Audit audit = card.audit.value_or(Audit{});
        const Stage &stage = document.stages()[entry.stageIndex];
        std::vector<std::string> row = {csvSafeText(document.personas()[entry.personaIndex].name),
                                        csvSafeText(stage.name),
                                        std::string(toString(stage.phase)),
                                        csvSafeText(card.channel),
                                        card.direct ? "direct" : "indirect",
                                        csvSafeText(card.text)};
        for (const auto &criterion : auditCriteria())
            row.push_back(audit.*criterion.field > 0 ? std::to_string(audit.*criterion.field) : "");
        char average[16] = "";
        if (entry.average > 0)
            std::snprintf(average, sizeof average, "%.2f", entry.average);
        row.insert(row.end(), {average, csvSafeText(audit.note), audit.reviewed.value_or("")});
        writeRow(row);
    }
    return out;
}

} // namespace cjm
