#pragma once
#include <QFile>
#include <QString>
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

// A file's bytes; throws when it cannot be read (the test fails).
inline QByteArray readFileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll();
}

} // namespace cjm::test
