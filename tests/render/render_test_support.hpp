#pragma once
#include <stdexcept>
#include <string>

#include "cjm/document_io.hpp"

namespace cjm::test {

inline Document loadSample(const std::string &name)
{
    auto result = readDocumentFile(std::string(CJM_SAMPLES_DIR) + "/" + name);
    if (!result.ok())
        throw std::runtime_error("sample " + name + " does not read");
    return std::move(*result.document);
}

} // namespace cjm::test
