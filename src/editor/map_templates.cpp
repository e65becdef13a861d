#include "map_templates.hpp"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <spdlog/spdlog.h>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "file_paths.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {
std::optional<Document> readTemplate(const QString &path, QString *error)
{
    // Qt resources are not files the core can open: read the bytes here.
    // Files go through core's one reader (a named pipe is refused, not waited on).
    std::string bytes;
    if (path.startsWith(QLatin1Char(':'))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = file.errorString();
            return std::nullopt;
        }
        bytes = file.readAll().toStdString();
    } else if (const IoResult read = defaultFileSystem().readAll(nativePath(path), bytes, ReadLimits{}.maxFileBytes);
               !read.ok) {
        if (error)
            *error = toQString(read.error);
        return std::nullopt;
    }
    auto result = readDocument(bytes);
    if (!result.ok()) {
        if (error)
            *error = result.problems.empty() ? QString() : toQString(result.problems.front().toString());
        return std::nullopt;
    }
    return std::move(*result.document);
}

void addFrom(const QString &folder, bool user, std::vector<MapTemplate> &out)
{
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.cjm")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QString error;
        auto doc = readTemplate(path, &error);
        if (!doc) {
            spdlog::warn("template {} left out: {}", toStdString(path), toStdString(error));
            continue;
        }
        out.push_back({path, QFileInfo(name).completeBaseName(), toQString(doc->journey().title),
                       toQString(doc->journey().description), user, static_cast<int>(doc->stages().size()),
                       static_cast<int>(doc->cards().size())});
    }
}
} // namespace

QString userTemplatesFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/templates");
}

std::vector<MapTemplate> availableTemplates(UiLanguage language, const QString &userFolder)
{
    std::vector<MapTemplate> templates;
    QString builtIn = QStringLiteral(":/templates/") + languageCode(language);
    if (!QDir(builtIn).exists())
        builtIn = QStringLiteral(":/templates/en");
    addFrom(builtIn, false, templates);
    // "blank" first: the choice of someone who knows what they want.
    std::stable_partition(templates.begin(), templates.end(),
                          [](const MapTemplate &t) { return t.name == QStringLiteral("blank"); });
    if (!userFolder.isEmpty())
        addFrom(userFolder, true, templates);
    return templates;
}

namespace {
// A new map: `document` with another journey. Built, not edited: nothing
// here is an undoable change of the open map.
Document withJourney(const Document &document, Journey journey)
{
    return Document::fromParts(std::move(journey), document.personas(), document.stages(), document.lanes(),
                               document.cards(), document.generator(), document.unknown(), document.views());
}
} // namespace

std::optional<Document> documentFromTemplate(const QString &path, QString *error)
{
    auto doc = readTemplate(path, error);
    if (!doc)
        return std::nullopt;
    Journey journey = doc->journey();
    journey.created = toStdString(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    journey.modified.reset();
    return withJourney(*doc, std::move(journey));
}

Document futureStateCopy(const Document &current, const QString &titleSuffix)
{
    Journey journey = current.journey();
    journey.type = MapType::Future;
    journey.title += toStdString(titleSuffix);
    journey.created = toStdString(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    journey.modified.reset();
    return withJourney(current, std::move(journey));
}

} // namespace cjm
