<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MapOperations</name>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>Move %n card</numerusform>
            <numerusform>Move %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>Delete %n card</numerusform>
            <numerusform>Delete %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n Card(s)</source>
        <translation>
            <numerusform>Paste %n Card</numerusform>
            <numerusform>Paste %n Cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n Card(s)</source>
        <translation>
            <numerusform>Duplicate %n Card</numerusform>
            <numerusform>Duplicate %n Cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ComparePanel</name>
    <message numerus="yes">
        <source>%n change(s) from “%1” to this map. Cards added, changed or moved here are outlined on the map (removed ones are only in “%1”); click a line to show its card.</source>
        <translation>
            <numerusform>%n change from “%1” to this map. Cards added, changed or moved here are outlined on the map (removed ones are only in “%1”); click a line to show its card.</numerusform>
            <numerusform>%n changes from “%1” to this map. Cards added, changed or moved here are outlined on the map (removed ones are only in “%1”); click a line to show its card.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ConflictPanel</name>
    <message numerus="yes">
        <source>%n merge conflict(s) from combining two versions of this map. For each, keep your version, theirs, or write the one to keep.</source>
        <translation>
            <numerusform>%n merge conflict from combining two versions of this map. For each, keep your version, theirs, or write the one to keep.</numerusform>
            <numerusform>%n merge conflicts from combining two versions of this map. For each, keep your version, theirs, or write the one to keep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) you made offline conflict with a teammate&apos;s change of the same thing. Keep Mine sends yours; Keep Theirs drops it.</source>
        <translation>
            <numerusform>%n change you made offline conflicts with a teammate&apos;s change of the same thing. Keep Mine sends yours; Keep Theirs drops it.</numerusform>
            <numerusform>%n changes you made offline conflict with a teammate&apos;s change of the same thing. Keep Mine sends yours; Keep Theirs drops it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::DocumentFiles</name>
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... and %n more problem</numerusform>
            <numerusform>... and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ExportDialog</name>
    <message numerus="yes">
        <source>Selected cards (%n)</source>
        <translation>
            <numerusform>Selected card (%n)</numerusform>
            <numerusform>Selected cards (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s), one row each, UTF-8 for Excel</source>
        <translation>
            <numerusform>%n card, one row, UTF-8 for Excel</numerusform>
            <numerusform>%n cards, one row each, UTF-8 for Excel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slide(s), %1, card text %2 pt</source>
        <translation>
            <numerusform>%n slide, %1, card text %2 pt</numerusform>
            <numerusform>%n slides, %1, card text %2 pt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::FindBar</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::InsightsPanel</name>
    <message numerus="yes">
        <source>Cards in %n hidden lane(s) are not counted.</source>
        <translation>
            <numerusform>Cards in %n hidden lane are not counted.</numerusform>
            <numerusform>Cards in %n hidden lanes are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::InspectorPanel</name>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>%n card selected</numerusform>
            <numerusform>%n cards selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::MainWindow</name>
    <message numerus="yes">
        <source>The review of this map is overdue by %n day(s).</source>
        <translation>
            <numerusform>The review of this map is overdue by %n day.</numerusform>
            <numerusform>The review of this map is overdue by %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reviewed every %n day(s).</source>
        <translation>
            <numerusform>Reviewed every %n day.</numerusform>
            <numerusform>Reviewed every %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>%n card selected</numerusform>
            <numerusform>%n cards selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::MapAccessibility</name>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::PresentationWindow</name>
    <message numerus="yes">
        <source>%n Comment(s)</source>
        <translation>
            <numerusform>%n Comment</numerusform>
            <numerusform>%n Comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::SetupWizard</name>
    <message numerus="yes">
        <source>%1 of %n ticked</source>
        <translation>
            <numerusform>%1 of %n ticked</numerusform>
            <numerusform>%1 of %n ticked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::SheetUpdateDialog</name>
    <message numerus="yes">
        <source>%n card(s) changed, </source>
        <translation>
            <numerusform>%n card changed, </numerusform>
            <numerusform>%n cards changed, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added, </source>
        <translation>
            <numerusform>%n added, </numerusform>
            <numerusform>%n added, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed.</source>
        <translation>
            <numerusform>%n removed.</numerusform>
            <numerusform>%n removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::StructurePanel</name>
    <message numerus="yes">
        <source>Delete “%1” and the %n card(s) in it?</source>
        <translation>
            <numerusform>Delete “%1” and the card in it?</numerusform>
            <numerusform>Delete “%1” and the %n cards in it?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamActions</name>
    <message numerus="yes">
        <source>This map lives in the team library: each change is sent as you make it. %n change(s) waiting are kept on this computer until the server takes them. Save As writes a copy to a file.</source>
        <translation>
            <numerusform>This map lives in the team library: each change is sent as you make it. %n change waiting is kept on this computer until the server takes it. Save As writes a copy to a file.</numerusform>
            <numerusform>This map lives in the team library: each change is sent as you make it. %n changes waiting are kept on this computer until the server takes them. Save As writes a copy to a file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamHistoryDialog</name>
    <message numerus="yes">
        <source>From %1 to %2: %n change(s).</source>
        <translation>
            <numerusform>From %1 to %2: %n change.</numerusform>
            <numerusform>From %1 to %2: %n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamLibraryDialog</name>
    <message numerus="yes">
        <source>%n map(s) you can open.</source>
        <translation>
            <numerusform>%n map you can open.</numerusform>
            <numerusform>%n maps you can open.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TeamSession</name>
    <message numerus="yes">
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n change waiting</numerusform>
            <numerusform>Offline — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your changes could not be made: a teammate deleted what they changed.</source>
        <translation>
            <numerusform>%n of your changes could not be made: a teammate deleted what it changed.</numerusform>
            <numerusform>%n of your changes could not be made: a teammate deleted what they changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your offline changes conflict with a teammate&apos;s: both changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>%n of your offline changes conflicts with a teammate&apos;s: both changed the same thing. Settle it in the Conflicts panel.</numerusform>
            <numerusform>%n of your offline changes conflict with a teammate&apos;s: both changed the same thing. Settle each in the Conflicts panel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::TemplateDialog</name>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n example card(s)</source>
        <translation>
            <numerusform>%n example card</numerusform>
            <numerusform>%n example cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::WindowDocks</name>
    <message numerus="yes">
        <source>This map was merged from two versions and has %n conflict(s): places where both sides changed the same thing. Settle each in the Conflicts panel.</source>
        <translation>
            <numerusform>This map was merged from two versions and has %n conflict: places where both sides changed the same thing. Settle each in the Conflicts panel.</numerusform>
            <numerusform>This map was merged from two versions and has %n conflicts: places where both sides changed the same thing. Settle each in the Conflicts panel.</numerusform>
        </translation>
    </message>
</context>
</TS>
