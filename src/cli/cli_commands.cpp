#include "cli_commands.hpp"

#include <map>
#include <optional>
#include <ostream>
#include <string_view>

#include <spdlog/spdlog.h>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "cjm/review.hpp"

namespace cjm::cli {

PrintableStreambuf::~PrintableStreambuf() { passOn(true); }

PrintableStreambuf::int_type PrintableStreambuf::overflow(int_type ch)
{
    if (traits_type::eq_int_type(ch, traits_type::eof()))
        return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    m_pending.push_back(c);
    if (c == '\n' && !passOn(false))
        return traits_type::eof();
    return ch;
}

std::streamsize PrintableStreambuf::xsputn(const char *text, std::streamsize count)
{
    const std::string_view added(text, static_cast<std::size_t>(count));
    m_pending.append(added);
    // Bounded even for a text without line breaks.
    if ((added.find('\n') != std::string_view::npos || m_pending.size() > 64 * 1024) && !passOn(false))
        return 0;
    return count;
}

int PrintableStreambuf::sync() { return passOn(false) && m_target->pubsync() == 0 ? 0 : -1; }

bool PrintableStreambuf::passOn(bool all)
{
    // Keep back a UTF-8 sequence that is not complete yet (unless at the end):
    // cut in two, each half would be shown as bytes that are not UTF-8.
    std::size_t end = m_pending.size();
    if (!all) {
        std::size_t lead = end;
        while (lead > 0 && end - lead < 4 && (static_cast<unsigned char>(m_pending[lead - 1]) & 0xC0) == 0x80)
            --lead;
        if (lead > 0) {
            const auto c = static_cast<unsigned char>(m_pending[lead - 1]);
            const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (length > end - (lead - 1))
                end = lead - 1;
        }
    }
    const std::string text = printableText(std::string_view(m_pending).substr(0, end), true);
    m_pending.erase(0, end);
    return m_target->sputn(text.data(), static_cast<std::streamsize>(text.size())) ==
           static_cast<std::streamsize>(text.size());
}

std::string printableJson(const Json &json)
{
    std::string text;
    for (const char c : json.dump(2, ' ', false, Json::error_handler_t::replace)) {
        if (c == '\x7f')
            text += "\\u007f"; // only inside a string: every other character dump() writes is printable
        else
            text.push_back(c);
    }
    return printableText(text, true);
}

namespace {

void printProblems(const std::string &file, const Problems &problems, std::ostream &out)
{
    for (const auto &p : problems)
        out << formatProblem(file, p) << '\n';
}

std::string mapTypeLabel(MapType type)
{
    switch (type) {
    case MapType::Current: return "current state";
    case MapType::Future: return "future state";
    case MapType::DayInLife: return "day in the life";
    }
    return {};
}

} // namespace

int runValidate(const ValidateArgs &args, Streams io)
{
    const bool quiet = args.quiet;
    int invalid = 0;
    for (const auto &file : args.files) {
        auto result = readDocumentFile(file);
        if (result.ok()) {
            if (!quiet)
                io.out << printableText(file) << ": valid\n";
        } else {
            ++invalid;
            printProblems(file, result.problems, io.out);
        }
    }
    spdlog::debug("validated {} file(s), {} invalid", args.files.size(), invalid);
    return invalid > 0 ? 1 : 0;
}

int runInfo(const InfoArgs &args, Streams io)
{
    const std::string &file = args.file;
    auto result = readDocumentFile(file);
    if (!result.ok()) {
        printProblems(file, result.problems, io.err);
        return 1;
    }
    const Document &doc = *result.document;
    // Counts by kind in the format's order; unknown kinds by their own name.
    std::vector<std::pair<std::string, std::size_t>> lanesByKind, cardsByKind;
    auto bump = [](std::vector<std::pair<std::string, std::size_t>> &counts, const std::string &key) {
        for (auto &[k, n] : counts)
            if (k == key) {
                ++n;
                return;
            }
        counts.emplace_back(key, 1);
    };
    for (LaneKind kind : kKnownLaneKinds) {
        lanesByKind.emplace_back(std::string(toString(kind)), 0);
        cardsByKind.emplace_back(std::string(toString(kind)), 0);
    }
    std::map<std::string, std::string, std::less<>> laneKindOfId;
    for (const auto &lane : doc.lanes()) {
        bump(lanesByKind, lane.kindName.empty() ? std::string(toString(lane.kind)) : lane.kindName);
        laneKindOfId[lane.id] = lane.kindName.empty() ? std::string(toString(lane.kind)) : lane.kindName;
    }
    for (const auto &card : doc.cards())
        bump(cardsByKind, laneKindOfId[card.lane]);
    auto nonZero = [](const std::vector<std::pair<std::string, std::size_t>> &counts) {
        std::vector<std::pair<std::string, std::size_t>> out;
        for (const auto &c : counts)
            if (c.second > 0)
                out.push_back(c);
        return out;
    };
    const Journey &j = doc.journey();
    if (args.json) {
        Json info = Json::object();
        info["title"] = j.title;
        info["type"] = toString(j.type);
        info["goal"] = j.goal;
        info["segment"] = j.segment;
        info["owner"] = j.owner;
        info["reviewIntervalDays"] = j.reviewIntervalDays;
        info["nextReview"] = j.nextReview ? Json(*j.nextReview) : Json(nullptr);
        const ReviewStatus review = reviewStatus(j, localToday());
        info["review"] = {{"state", toString(review.state)}, {"due", review.due()}};
        if (review.next)
            info["review"]["daysUntil"] = review.daysUntil;
        info["personas"] = doc.personas().size();
        info["stages"] = doc.stages().size();
        Json lanes = Json::object(), cards = Json::object();
        for (const auto &[k, n] : nonZero(lanesByKind))
            lanes[k] = n;
        for (const auto &[k, n] : nonZero(cardsByKind))
            cards[k] = n;
        info["lanes"] = lanes;
        info["lanesTotal"] = doc.lanes().size();
        info["cards"] = cards;
        info["cardsTotal"] = doc.cards().size();
        io.out << printableJson(info) << '\n';
        return 0;
    }
    // One line per field: a text's own line breaks are shown as \n.
    io.out << "Title:     " << (j.title.empty() ? "(untitled)" : printableText(j.title)) << '\n';
    io.out << "Type:      " << mapTypeLabel(j.type) << '\n';
    if (!j.goal.empty())
        io.out << "Goal:      " << printableText(j.goal) << '\n';
    if (!j.segment.empty())
        io.out << "Segment:   " << printableText(j.segment) << '\n';
    if (!j.owner.empty())
        io.out << "Owner:     " << printableText(j.owner) << '\n';
    if (j.reviewIntervalDays > 0)
        io.out << "Review:    every " << j.reviewIntervalDays << " days" << '\n';
    if (j.nextReview) {
        const ReviewStatus review = reviewStatus(j, localToday());
        io.out << "Next review: " << *j.nextReview << " (" << describe(review) << ")" << (review.due() ? " - DUE" : "")
               << '\n';
    }
    io.out << "Personas:  " << doc.personas().size();
    for (std::size_t i = 0; i < doc.personas().size(); ++i)
        io.out << (i == 0 ? " (" : ", ") << printableText(doc.personas()[i].name)
               << (i + 1 == doc.personas().size() ? ")" : "");
    io.out << '\n';
    io.out << "Stages:    " << doc.stages().size();
    for (std::size_t i = 0; i < doc.stages().size(); ++i)
        io.out << (i == 0 ? " (" : ", ") << printableText(doc.stages()[i].name)
               << (i + 1 == doc.stages().size() ? ")" : "");
    io.out << '\n';
    io.out << "Lanes:     " << doc.lanes().size() << '\n';
    for (const auto &[k, n] : nonZero(lanesByKind))
        io.out << "  " << printableText(k) << ": " << n << '\n'; // a kind this version does not know: the file's word
    io.out << "Cards:     " << doc.cards().size() << '\n';
    for (const auto &[k, n] : nonZero(cardsByKind))
        io.out << "  " << printableText(k) << ": " << n << '\n';
    return 0;
}

int runFmt(const FmtArgs &args, Streams io)
{
    std::string error;
    if (!args.output.empty() && args.files.size() != 1)
        error = "-o works with exactly one input file";
    else if (!args.output.empty() && args.check)
        error = "--check and -o cannot be used together";
    if (!error.empty()) {
        io.err << "cjm fmt: " << error << "\nUsage: cjm fmt FILE... [-o OUT] [--check]\n";
        return 2;
    }
    const std::optional<std::string> output =
        args.output.empty() ? std::nullopt : std::optional<std::string>(args.output);
    const bool check = args.check;
    int status = 0;
    for (const auto &file : args.files) {
        std::string bytes;
        auto read = defaultFileSystem().readAll(file, bytes, ReadLimits{}.maxFileBytes);
        if (!read.ok) {
            io.err << file << ": " << read.error << '\n';
            status = 1;
            continue;
        }
        auto result = readDocument(bytes);
        if (!result.ok()) {
            printProblems(file, result.problems, io.err);
            status = 1;
            continue;
        }
        const std::string canonical = writeDocument(*result.document);
        if (check) {
            if (canonical != bytes) {
                io.out << file << ": not in canonical form (run 'cjm fmt " << file << "')\n";
                status = 1;
            }
            continue;
        }
        const std::string target = output.value_or(file);
        if (!output && canonical == bytes)
            continue; // already canonical: leave the file (and its timestamp) alone
        auto written = defaultFileSystem().writeAtomically(target, canonical);
        if (!written.ok) {
            io.err << target << ": could not save: " << written.error << '\n';
            status = 1;
        }
    }
    return status;
}

} // namespace cjm::cli
