#pragma once
// The map's own language (the journey's `language`, a BCP 47 tag such as
// "en", "zh-CN" or "zh-TW"): everything the program itself draws on a map
// (phase chips, default lane names, channel and severity words, the legend,
// "Lowest moment", slide titles: the translation contexts "MapText" and
// "MapPainter") is written in it, whatever the UI language, on the canvas
// and in every export. Without a `language` the map follows the UI.
//
// Painting code keeps calling QCoreApplication::translate: while a
// MapLanguageScope lives on a thread, a translator installed ahead of the
// UI's answers those two contexts on that thread from the map language's
// translations (compiled into the render library from the same .ts files
// as the UI's). Other threads, and other contexts (the Inspector's words,
// menus), are untouched, so an export on a worker thread and the UI on the
// main thread each get their own language.

#include <QString>
#include <string>

#include "cjm/document.hpp"

namespace cjm {

// The journey's language tag as written ("" when the map names none).
std::string mapLanguageTag(const Document &document);

// "en", "zh_CN" or "zh_TW" for a BCP 47 tag (zh-Hans, zh-SG → zh_CN;
// zh-Hant, zh-HK, zh-MO → zh_TW; any en → en); "" for an empty tag or a
// language the program has no translations for (the map then follows the UI).
QString mapLanguageCode(const std::string &tag);

class MapLanguageScope {
public:
    // The language of `document`'s journey; one without any keeps the UI's.
    explicit MapLanguageScope(const Document &document);
    // A code from mapLanguageCode ("" keeps the UI's).
    explicit MapLanguageScope(const QString &code);
    ~MapLanguageScope();
    MapLanguageScope(const MapLanguageScope &) = delete;
    MapLanguageScope &operator=(const MapLanguageScope &) = delete;

private:
    const void *m_previous = nullptr;
};

} // namespace cjm
