#include "map_language.hpp"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QMetaObject>
#include <QThread>
#include <QTranslator>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "qt_text.hpp"

// The map languages' translations, compiled into this library (CMakeLists.txt).

namespace cjm {

namespace {

// One map language: its translations ("" code for English, whose source
// texts are the words).
struct Language {
    QString code;
    std::unique_ptr<QTranslator> translations; // null for English
};

// The language the scopes of this thread ask for; null: the UI's.
thread_local const Language *tCurrent = nullptr;

bool isMapContext(const char *context)
{
    return context && (qstrcmp(context, "MapText") == 0 || qstrcmp(context, "MapPainter") == 0);
}

// Answers "MapText" and "MapPainter" on threads inside a scope, and nothing
// else (an empty answer lets Qt ask the next translator).
class MapLanguageTranslator final : public QTranslator {
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        const Language *language = tCurrent;
        if (!language || !isMapContext(context) || !sourceText)
            return {};
        if (language->translations) {
            QString text = language->translations->translate(context, sourceText, disambiguation, n);
            if (!text.isEmpty())
                return text;
        }
        // English, or a word the translations lack: the source text, not
        // the UI's translation of it, so the map keeps one language.
        return QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

// Keeps the map translator ahead of the UI's: Qt asks the translator
// installed last first, so when the UI installs its own (at start or on a
// language switch; Qt tells the application with LanguageChange), the map
// translator is installed again on top.
class TranslatorKeeper final : public QObject {
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange && !m_reinstalling) {
            m_reinstalling = true;
            QCoreApplication::removeTranslator(&m_translator);
            QCoreApplication::installTranslator(&m_translator);
            m_reinstalling = false;
        }
        return false;
    }
    void install()
    {
        m_reinstalling = true;
        QCoreApplication::installTranslator(&m_translator);
        m_reinstalling = false;
        QCoreApplication::instance()->installEventFilter(this);
    }

private:
    MapLanguageTranslator m_translator;
    bool m_reinstalling = false;
};

std::atomic<bool> installed{false};
std::mutex installMutex;

// Installs the translator once, on the application's thread (Qt sends
// LanguageChange events from installTranslator, which only that thread may).
void ensureInstalled()
{
    if (installed.load(std::memory_order_acquire))
        return;
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    const std::lock_guard lock(installMutex);
    if (installed.load(std::memory_order_relaxed))
        return;
    auto install = [] {
        auto *keeper = new TranslatorKeeper;
        keeper->setParent(QCoreApplication::instance());
        keeper->install();
    };
    if (QThread::currentThread() == app->thread())
        install();
    else // rare: the first map painted is painted on a worker thread; the next one has it
        QMetaObject::invokeMethod(app, install, Qt::QueuedConnection);
    installed.store(true, std::memory_order_release);
}

const Language *languageFor(const QString &code)
{
    if (code.isEmpty())
        return nullptr;
    static std::mutex mutex;
    static std::map<QString, std::unique_ptr<Language>> languages;
    const std::lock_guard lock(mutex);
    auto found = languages.find(code);
    if (found != languages.end())
        return found->second.get();
    auto language = std::make_unique<Language>();
    language->code = code;
    if (code != QLatin1String("en")) {
        auto translations = std::make_unique<QTranslator>();
        if (translations->load(QStringLiteral("cjm_") + code, QStringLiteral(":/map-i18n")))
            language->translations = std::move(translations);
    }
    return languages.emplace(code, std::move(language)).first->second.get();
}

} // namespace

namespace {
// The journey's `language` field (docs/format.md); until every build has
// the field, a key the reader kept as unknown counts the same.
template <typename J>
std::optional<std::string> languageField(const J &journey)
{
    if constexpr (requires { journey.language; })
        return journey.language;
    else
        return std::nullopt;
}
} // namespace

std::string mapLanguageTag(const Document &document)
{
    if (auto tag = languageField(document.journey()))
        return *tag;
    const Json &unknown = document.journey().unknown;
    if (unknown.is_object()) {
        auto it = unknown.find("language");
        if (it != unknown.end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

QString mapLanguageCode(const std::string &tag)
{
    if (tag.empty())
        return {};
    QString name = toQString(tag);
    name.replace(QLatin1Char('_'), QLatin1Char('-'));
    const QLocale locale(name);
    if (locale.language() == QLocale::English)
        return QStringLiteral("en");
    if (locale.language() != QLocale::Chinese)
        return {};
    const QString lower = name.toLower();
    if (locale.script() == QLocale::TraditionalHanScript || lower.contains(QLatin1String("-hant")))
        return QStringLiteral("zh_TW");
    if (locale.script() == QLocale::SimplifiedHanScript || lower.contains(QLatin1String("-hans")))
        return QStringLiteral("zh_CN");
    switch (locale.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao: return QStringLiteral("zh_TW");
    default: return QStringLiteral("zh_CN");
    }
}

MapLanguageScope::MapLanguageScope(const Document &document)
    : MapLanguageScope(mapLanguageCode(mapLanguageTag(document)))
{
}

MapLanguageScope::MapLanguageScope(const QString &code) : m_previous(tCurrent)
{
    ensureInstalled();
    tCurrent = languageFor(code);
}

MapLanguageScope::~MapLanguageScope() { tCurrent = static_cast<const Language *>(m_previous); }

} // namespace cjm
