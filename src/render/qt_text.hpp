#pragma once
// The seam between core's UTF-8 std::string and Qt's QString: conversions
// happen here and nowhere else.

#include <QString>
#include <string>
#include <string_view>

namespace cjm {

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toStdString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return std::string(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

} // namespace cjm
