#pragma once
// After a crash: the question "Restore Unsaved Maps", listing the maps a
// crash left unsaved (their titles and paths shown as plain text).

#include <QString>
#include <vector>

class QWidget;

namespace cjm {

struct RecoveryEntry;

enum class RecoveryAnswer { Restore, Discard, Later };

// Asks what to do with `entries`: restore them all, discard them all, or
// decide at the next start.
RecoveryAnswer askAboutRecoveredMaps(const std::vector<RecoveryEntry> &entries, QWidget *parent);

} // namespace cjm
