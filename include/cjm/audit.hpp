#pragma once
// The touchpoint audit: every touchpoint of a map rated on the six criteria
// of a touchpoint review (simple, appropriate, relevant, meaningful,
// engaging, personal; 1–5, 0 = not rated), so a team can see which contacts
// with the customer are weakest and fix those first.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"

namespace cjm {

// The six criteria, declared once: the reader, the writer, edit validation,
// the Inspector, the audit panel and report take them from here.
struct AuditCriterion {
    std::string_view key;  // the file's spelling, e.g. "simple" (a literal: NUL-terminated)
    std::string_view name; // English label, e.g. "Simple" (translated in the context "AuditCriteria")
    int Audit::*field;
};
const std::array<AuditCriterion, 6> &auditCriteria();
// A rating is 0 (not rated) to this.
inline constexpr int kMaxAuditRating = 5;

// The mean of the rated criteria; 0 when none is rated.
double auditAverage(const Audit &audit);
int ratedCriteria(const Audit &audit);

struct AuditEntry {
    const Card *card = nullptr;
    std::size_t personaIndex = 0;
    std::size_t stageIndex = 0;
    double average = 0; // 0: not rated
    int rated = 0;      // how many of the six criteria the average is based on
};

// The order to fix touchpoints in: those rated on all six criteria before
// those rated on some (an average of fewer ratings says less), each weakest
// first.
bool auditRanksBefore(const AuditEntry &a, const AuditEntry &b);

// Every touchpoint card (cards of touchpoint lanes, hidden lanes included),
// in map order: persona, stage, lane, order.
std::vector<AuditEntry> auditEntries(const Document &document);

// The touchpoints to fix first: of those rated, the lowest fifth (at least
// one), and only those averaging below 3 of 5. Ids in auditRanksBefore's
// order: the fully rated weakest first.
std::vector<std::string> weakestTouchpoints(const Document &document);

// The filled audit as CSV (UTF-8 with BOM, CRLF, formula-guarded like the
// card inventory): persona, stage, phase, channel, direct, touchpoint, the
// six ratings, average, note, reviewed.
std::string writeAuditCsv(const Document &document);

} // namespace cjm
