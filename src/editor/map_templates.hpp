#pragma once
// Templates for new maps: .cjm files read through the normal reader, from
// the program's own set (resources/templates/<language>/, compiled in) and
// from the user's templates folder (<app data>/templates), where anyone can
// drop a map to start new ones from. Templates come in the UI language;
// a user template is shown whatever its language.

#include <QString>
#include <optional>
#include <vector>

#include "cjm/document.hpp"
#include "translations.hpp"

namespace cjm {

struct MapTemplate {
    QString path;        // ":/templates/en/retail-store.cjm" or a file in the user folder
    QString name;        // the file's base name: "retail-store"
    QString title;       // the template's journey title
    QString description; // its journey description
    bool user = false;   // from the user's folder
    int stages = 0;
    int cards = 0;
};

// The user's templates folder (created on demand).
QString userTemplatesFolder();

// Built-in templates of `language` (English when it has none), then the
// user's. Files that do not read are left out and logged, never shown broken.
std::vector<MapTemplate> availableTemplates(UiLanguage language, const QString &userFolder = userTemplatesFolder());

// A new map from a template: read through the normal reader, its created
// date set to now. Ids stay as in the template: maps made from one template
// line up in Compare With..., which is what a team comparing personas wants.
std::optional<Document> documentFromTemplate(const QString &path, QString *error = nullptr);

// "Create future-state copy": the same map as a future state, for designing
// the improved journey beside the current one. Ids are kept, so Compare
// With... lines the two up card by card.
Document futureStateCopy(const Document &current, const QString &titleSuffix);

} // namespace cjm
