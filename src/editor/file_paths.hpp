#pragma once
// Map file paths between Qt and the core. A QString path is handed to the
// core as the file system's own bytes (QFile::encodeName), never as plain
// UTF-8 text, and back with QFile::decodeName. And a path is resolved once,
// when a map is opened or saved under a name: symbolic links followed, so
// the editor, its lock, its backup, its autosave and its watch on the disk
// all deal with the real file, whichever name it was opened by.

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <filesystem>
#include <string>

#include "cjm/file_io.hpp"

namespace cjm {

inline std::filesystem::path nativePath(const QString &path)
{
    const QByteArray bytes = QFile::encodeName(path);
    return std::filesystem::path(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

inline QString fromNativePath(const std::filesystem::path &path)
{
    const std::string &bytes = path.native();
    return QFile::decodeName(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
}

// The absolute path of the file `path` names (see cjm::resolveFilePath).
// A link loop gives the path as it is: opening or saving it then says why.
inline QString resolvedFilePath(const QString &path)
{
    if (path.isEmpty())
        return path;
    std::filesystem::path resolved;
    if (!resolveFilePath(nativePath(path), resolved).ok)
        return QFileInfo(path).absoluteFilePath();
    return fromNativePath(resolved);
}

} // namespace cjm
