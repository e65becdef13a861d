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

} // namespace cjm::test
