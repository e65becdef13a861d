#include "test_helpers.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cjm::test {

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot open " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Json minimalMap()
{
    return Json::parse(R"({
      "format": "cjm",
      "version": 1,
      "journey": { "id": "j1", "title": "First purchase" },
      "personas": [ { "id": "p1", "name": "Busy parent" } ],
      "stages": [ { "id": "s1", "name": "Awareness" }, { "id": "s2", "name": "Purchase" } ],
      "lanes": [ { "id": "l1", "kind": "touchpoints" }, { "id": "l2", "kind": "emotions" } ],
      "cards": [
        { "id": "c1", "persona": "p1", "stage": "s1", "lane": "l1", "text": "Instagram ad", "channel": "socialMedia" },
        { "id": "c2", "persona": "p1", "stage": "s2", "lane": "l2", "text": "anxious", "score": -2 }
      ]
    })");
}

Problems problemsOf(const std::string &bytes) { return readDocument(bytes).problems; }
Problems problemsOf(const Json &json) { return problemsOf(json.dump()); }

bool hasProblem(const Problems &problems, const std::string &pointer, const std::string &text)
{
    for (const auto &p : problems)
        if (p.pointer == pointer && p.message.find(text) != std::string::npos)
            return true;
    return false;
}

Document mustRead(const std::string &bytes)
{
    auto result = readDocument(bytes);
    if (!result.ok()) {
        std::string all;
        for (const auto &p : result.problems)
            all += p.toString() + "\n";
        throw std::runtime_error("document did not read:\n" + all);
    }
    return std::move(*result.document);
}

std::string readBackDifference(const Document &document, const ReadLimits &limits)
{
    const std::string bytes = writeDocument(document);
    auto result = readDocument(bytes, limits);
    if (!result.ok()) {
        std::string all = "the reader refuses what the writer wrote:\n";
        for (const auto &p : result.problems)
            all += p.toString() + "\n";
        return all;
    }
    const Document &back = *result.document;
    if (back == document)
        return {};
    if (!(back.journey() == document.journey()))
        return "the journey reads back different";
    auto firstDifferent = [](const auto &a, const auto &b, const char *what) -> std::string {
        if (a.size() != b.size())
            return std::string("a different number of ") + what + " reads back";
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!(a[i] == b[i]))
                return std::string(what) + " " + a[i].id + " reads back different";
        return {};
    };
    for (std::string d : {firstDifferent(document.personas(), back.personas(), "personas"),
                          firstDifferent(document.stages(), back.stages(), "stages"),
                          firstDifferent(document.lanes(), back.lanes(), "lanes"),
                          firstDifferent(document.cards(), back.cards(), "cards")})
        if (!d.empty())
            return d;
    return "the map's top level reads back different";
}

} // namespace cjm::test
