#pragma once
// Map file paths between Qt and the core. A QString path is handed to the
// core as the file system's own bytes, and back. Qt 6 decodes file names as
// UTF-8 and turns bytes that are not UTF-8 into U+FFFD, which loses the name
// of such a file (a Latin-1 name from an old share, say): here each such
// byte becomes a lone surrogate U+DC80..U+DCFF instead ("surrogateescape",
// as Python does) and turns back into the same byte, so the editor can open
// and save the file by its real name. Qt's own file classes cannot use such
// a QString; the editor's file handling goes through the core with these.
//
// And a path is resolved once, when a map is opened or saved under a name:
// symbolic links followed, so the editor, its lock, its backup, its autosave
// and its watch on the disk all deal with the real file, whichever name it
// was opened by.

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <string>
#include <system_error>

#include "cjm/file_io.hpp"

namespace cjm {

inline std::filesystem::path nativePath(const QString &path)
{
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(path.size()));
    auto put = [&](char32_t c) {
        if (c < 0x80) {
            bytes += static_cast<char>(c);
        } else if (c < 0x800) {
            bytes += static_cast<char>(0xC0 | (c >> 6));
            bytes += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            bytes += static_cast<char>(0xE0 | (c >> 12));
            bytes += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            bytes += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            bytes += static_cast<char>(0xF0 | (c >> 18));
            bytes += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            bytes += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            bytes += static_cast<char>(0x80 | (c & 0x3F));
        }
    };
    for (qsizetype i = 0; i < path.size(); ++i) {
        const char16_t u = path[i].unicode();
        if (QChar::isHighSurrogate(u) && i + 1 < path.size() && QChar::isLowSurrogate(path[i + 1].unicode())) {
            put(QChar::surrogateToUcs4(u, path[i + 1].unicode()));
            ++i;
        } else if (u >= 0xDC80 && u <= 0xDCFF) {
            bytes += static_cast<char>(u - 0xDC00); // an escaped byte
        } else if (QChar::isSurrogate(u)) {
            put(0xFFFD);
        } else {
            put(u);
        }
    }
    return std::filesystem::path(std::move(bytes));
}

inline QString fromNativePath(const std::filesystem::path &path)
{
    const std::string &bytes = path.native();
    QString text;
    text.reserve(static_cast<qsizetype>(bytes.size()));
    for (std::size_t i = 0; i < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        // The length and smallest value of a UTF-8 sequence starting with b.
        const std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        char32_t c = length == 1 ? b : length == 2 ? (b & 0x1F) : length == 3 ? (b & 0x0F) : (b & 0x07);
        bool valid = length > 0 && i + length <= bytes.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            valid = (next & 0xC0) == 0x80;
            c = (c << 6) | (next & 0x3F);
        }
        const char32_t smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : length == 4 ? 0x10000 : 0;
        valid = valid && c >= smallest && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
        if (!valid) {
            text += QChar(static_cast<char16_t>(0xDC00 + b)); // escaped, to come back as this byte
            ++i;
            continue;
        }
        if (c >= 0x10000) {
            text += QChar(QChar::highSurrogate(c));
            text += QChar(QChar::lowSurrogate(c));
        } else {
            text += QChar(static_cast<char16_t>(c));
        }
        i += length;
    }
    return text;
}

// Whether Qt's file classes (QFile, QFileInfo, QLockFile, QFileSystemWatcher)
// can use `path`: false when it holds escaped bytes.
inline bool qtCanUsePath(const QString &path) { return QFile::decodeName(QFile::encodeName(path)) == path; }

// Whether a file is at `path` (links followed), asked in the file system's bytes.
inline bool fileExists(const QString &path)
{
    std::error_code error;
    return std::filesystem::exists(nativePath(path), error); // a dangling link: no
}

// File names from the command line as the file system spells them: Qt's
// arguments lose the bytes of a name that is not UTF-8, so such an argument
// is taken again from argv (positional arguments keep their order there).
inline QStringList nativeArguments(const QStringList &arguments, int argc, char **argv)
{
    QStringList result;
    int next = 1;
    for (const QString &argument : arguments) {
        QString native = argument;
        for (int i = next; i < argc; ++i)
            if (QString::fromLocal8Bit(argv[i]) == argument) {
                native = fromNativePath(argv[i]);
                next = i + 1;
                break;
            }
        result << native;
    }
    return result;
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
