<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a translation file only for plural forms ("%n card(s)"). -->
<TS version="2.1" language="en">
<context>
    <name>cjm::MainWindow</name>
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
    <message numerus="yes">
        <source>... and %n more problem(s)</source>
        <translation>
            <numerusform>... and %n more problem</numerusform>
            <numerusform>... and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelectTool</name>
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
</context>
<context>
    <name>CardItem</name>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cjm::ExportDialog</name>
    <message numerus="yes">
        <source>%n card(s), one row each, UTF-8 for Excel</source>
        <translation>
            <numerusform>%n card, one row, UTF-8 for Excel</numerusform>
            <numerusform>%n cards, one row each, UTF-8 for Excel</numerusform>
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
    <name>cjm::InspectorWidget</name>
    <message numerus="yes">
        <source>%n card(s) selected</source>
        <translation>
            <numerusform>%n card selected</numerusform>
            <numerusform>%n cards selected</numerusform>
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
</TS>
