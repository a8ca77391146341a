<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>Welcome to Cove</source>
        <translation>Willkommen bei Cove</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Gleich loslegen</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>Chat beginnen</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer. Cove has no account, no cloud and no telemetry; it uses the network only when you download a model.</source>
        <translation>Alles, was Sie schreiben, bleibt auf diesem Computer. Cove hat kein Konto, keine Cloud und keine Telemetrie; das Netzwerk wird nur genutzt, wenn Sie ein Modell herunterladen.</translation>
    </message>
    <message>
        <source>Your conversations are stored only on this computer. Cove has no account, no cloud and no telemetry; the model picked runs on a remote server, so your messages are sent to it.</source>
        <translation>Ihre Unterhaltungen werden nur auf diesem Computer gespeichert. Cove hat kein Konto, keine Cloud und keine Telemetrie; das gewählte Modell läuft auf einem entfernten Server, daher werden Ihre Nachrichten dorthin gesendet.</translation>
    </message>
    <message>
        <source>{} is ready.</source>
        <translation>{} ist bereit.</translation>
    </message>
    <message>
        <source>The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for short, simple questions, but it makes mistakes and misses instructions.</source>
        <translation>Das eingebaute {} ({}) funktioniert offline, Sie können Cove also sofort ausprobieren. Es ist sehr klein: gut für kurze, einfache Fragen, macht aber Fehler und übersieht Anweisungen.</translation>
    </message>
    <message>
        <source>Add a .gguf file you have</source>
        <translation>Eine vorhandene .gguf-Datei hinzufügen</translation>
    </message>
    <message>
        <source>There is no model yet.</source>
        <translation>Es gibt noch kein Modell.</translation>
    </message>
    <message>
        <source>Cove speaks {}. To change its language, open Settings › Appearance › Language; the change applies when Cove restarts.</source>
        <translation>Cove spricht {}. Um die Sprache zu ändern, öffnen Sie Einstellungen › Darstellung › Sprache; die Änderung gilt nach einem Neustart von Cove.</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>Modelle herunterladen</translation>
    </message>
    <message>
        <source>A better model for this computer</source>
        <translation>Ein besseres Modell für diesen Computer</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Alle Modelle ansehen</translation>
    </message>
    <message>
        <source>Looking at this computer&apos;s memory…</source>
        <translation>Arbeitsspeicher dieses Computers wird geprüft…</translation>
    </message>
    <message>
        <source>None of the recommended models would fit and answer quickly on this computer: the built-in model is the one that runs well here.</source>
        <translation>Keines der empfohlenen Modelle würde auf diesem Computer passen und schnell antworten: Das eingebaute Modell ist das, das hier gut läuft.</translation>
    </message>
    <message>
        <source>Download {} ({})</source>
        <translation>{} herunterladen ({})</translation>
    </message>
    <message>
        <source>Downloads once from Hugging Face ({} build), then works offline like the built-in model.</source>
        <translation>Wird einmal von Hugging Face heruntergeladen ({}-Version) und funktioniert dann offline wie das eingebaute Modell.</translation>
    </message>
    <message>
        <source>Show or hide the conversation list</source>
        <translation>Unterhaltungsliste ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide the conversation list (Ctrl+B)</source>
        <translation>Unterhaltungsliste ein- oder ausblenden (Strg+B)</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Systemprompt…</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>Systemprompt für diese Unterhaltung</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Anweisungen, denen das Modell in dieser Unterhaltung folgt</translation>
    </message>
    <message>
        <source>Use my notes</source>
        <translation>Meine Notizen nutzen</translation>
    </message>
    <message>
        <source>Use my notes in this conversation</source>
        <translation>Meine Notizen in dieser Unterhaltung nutzen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelle…</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>Modellbibliothek öffnen</translation>
    </message>
    <message>
        <source>Installed models, recommended models, Hub search and downloads (Ctrl+M)</source>
        <translation>Installierte Modelle, empfohlene Modelle, Hub-Suche und Downloads (Strg+M)</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add model file</source>
        <translation>Modelldatei hinzufügen</translation>
    </message>
    <message>
        <source>Add a model file: copy a .gguf file into Cove&apos;s models folder</source>
        <translation>Modelldatei hinzufügen: eine .gguf-Datei in Coves Modellordner kopieren</translation>
    </message>
</context>
<context>
    <name>AnswerSession</name>
    <message>
        <source>Your message could not be saved ({}), so it was not sent. It is still in the box: try again in a moment.</source>
        <translation>Ihre Nachricht konnte nicht gespeichert werden ({}) und wurde daher nicht gesendet. Sie steht noch im Eingabefeld: Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>A remote model cannot carry on a stopped answer where it ended: regenerate it instead (a new version, beside this one).</source>
        <translation>Ein entferntes Modell kann eine angehaltene Antwort nicht an ihrem Ende fortsetzen: Erzeugen Sie sie stattdessen neu (eine neue Version neben dieser).</translation>
    </message>
    <message>
        <source>Add a model first: click “Add model file…”.</source>
        <translation>Fügen Sie zuerst ein Modell hinzu: Klicken Sie auf „Modelldatei hinzufügen…“.</translation>
    </message>
    <message>
        <source>Cove could not write to its database ({}).</source>
        <translation>Cove konnte nicht in seine Datenbank schreiben ({}).</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Antwort wird erzeugt… (Esc zum Anhalten)</translation>
    </message>
    <message>
        <source>Looking in your notes… (Esc to stop)</source>
        <translation>Suche in Ihren Notizen… (Esc zum Anhalten)</translation>
    </message>
    <message>
        <source>Stopped. What was written is saved.</source>
        <translation>Angehalten. Das Geschriebene ist gespeichert.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>The answer reached the length limit.</source>
        <translation>Die Antwort hat die Längengrenze erreicht.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Bereit.</translation>
    </message>
    <message>
        <source>The answer could not be saved ({}). It stays on screen; copy what you need before closing.</source>
        <translation>Die Antwort konnte nicht gespeichert werden ({}). Sie bleibt sichtbar; kopieren Sie vor dem Schließen, was Sie brauchen.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Files cannot be attached here: this conversation is in the trash. Restore it first, or start a new chat.</source>
        <translation>Hier können keine Dateien angehängt werden: Diese Unterhaltung ist im Papierkorb. Stellen Sie sie zuerst wieder her oder beginnen Sie einen neuen Chat.</translation>
    </message>
    <message>
        <source>“{}” is already attached.</source>
        <translation>„{}“ ist bereits angehängt.</translation>
    </message>
    <message>
        <source>use a model with a larger context, or raise “Context size” in Settings</source>
        <translation>Verwenden Sie ein Modell mit größerem Kontext oder erhöhen Sie „Kontextgröße“ in den Einstellungen</translation>
    </message>
    <message>
        <source>This message with its files takes about {} tokens, too many for the model&apos;s context of {} tokens (with {} left for the answer), so it cannot be answered. Remove a file or attach a shorter part of it, or {}.</source>
        <translation>Diese Nachricht mit ihren Dateien umfasst etwa {} Tokens, zu viele für den Kontext des Modells von {} Tokens (davon {} für die Antwort), daher kann sie nicht beantwortet werden. Entfernen Sie eine Datei oder hängen Sie einen kürzeren Teil an, oder {}.</translation>
    </message>
    <message>
        <source>it would not be answered (Settings: “When a chat outgrows the context” is “stop and tell me”)</source>
        <translation>sie würde nicht beantwortet (Einstellungen: „Wenn ein Chat den Kontext übersteigt“ steht auf „anhalten und Bescheid geben“)</translation>
    </message>
    <message>
        <source>the oldest messages will be left out of what the model reads</source>
        <translation>die ältesten Nachrichten werden beim Lesen durch das Modell weggelassen</translation>
    </message>
    <message>
        <source>With these files the conversation takes about {} tokens, more than the model&apos;s context of {} tokens (with {} left for the answer): {}. Remove a file or start a new chat for it, or {}.</source>
        <translation>Mit diesen Dateien umfasst die Unterhaltung etwa {} Tokens, mehr als der Kontext des Modells von {} Tokens (davon {} für die Antwort): {}. Entfernen Sie eine Datei oder beginnen Sie dafür einen neuen Chat, oder {}.</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Attachment warning</source>
        <translation>Hinweis zu Anhängen</translation>
    </message>
    <message>
        <source> and {} more</source>
        <translation> und {} weitere</translation>
    </message>
    <message>
        <source>Reading {}…</source>
        <translation>{} wird gelesen…</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {}</source>
        <translation>{} entfernen</translation>
    </message>
    <message>
        <source>Remove {} from this message</source>
        <translation>{} aus dieser Nachricht entfernen</translation>
    </message>
    <message>
        <source>{} · {} tokens</source>
        <translation>{} · {} Tokens</translation>
    </message>
    <message>
        <source>{}: {}, {} tokens{}</source>
        <translation>{}: {}, {} Tokens{}</translation>
    </message>
    <message>
        <source> (an estimate until the model has counted them)</source>
        <translation> (geschätzt, bis das Modell sie gezählt hat)</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer.
Type a message below to start.</source>
        <translation>Alles, was Sie schreiben, bleibt auf diesem Computer.
Schreiben Sie unten eine Nachricht, um zu beginnen.</translation>
    </message>
    <message>
        <source>This conversation is in the trash. Restore it to write in it.</source>
        <translation>Diese Unterhaltung ist im Papierkorb. Stellen Sie sie wieder her, um darin zu schreiben.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Cove…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>Nachricht an Cove…  (Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attach text or Markdown files</source>
        <translation>Text- oder Markdown-Dateien anhängen</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it as a new version (the old one is kept). Esc cancels.</source>
        <translation>Eine Nachricht wird bearbeitet: Eingabe sendet sie als neue Version (die alte bleibt erhalten). Esc bricht ab.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Bearbeiten abbrechen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Antwort anhalten</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>Endgültig löschen…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Aus dem Archiv</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Systemprompt…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Moved “{}” to the archive.</source>
        <translation>„{}“ ins Archiv verschoben.</translation>
    </message>
    <message>
        <source>Moved “{}” back to the chats.</source>
        <translation>„{}“ zurück zu den Chats verschoben.</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Anweisungen, denen das Modell in dieser Unterhaltung folgt</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>eigener</translation>
    </message>
    <message>
        <source>System prompt: {}</source>
        <translation>Systemprompt: {}</translation>
    </message>
    <message>
        <source>Moved “{}” to the trash.</source>
        <translation>„{}“ in den Papierkorb verschoben.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored “{}” to the chats.</source>
        <translation>„{}“ in den Chats wiederhergestellt.</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Delete “{}” and all its messages for good? This cannot be undone.</source>
        <translation>„{}“ und alle Nachrichten darin endgültig löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>Delete the {} conversations in the trash for good? This cannot be undone.</source>
        <translation>Die {} Unterhaltungen im Papierkorb endgültig löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Pinned: </source>
        <translation>Angeheftet: </translation>
    </message>
</context>
<context>
    <name>DataDeletionActions</name>
    <message>
        <source>Delete all my data</source>
        <translation>Alle meine Daten löschen</translation>
    </message>
    <message>
        <source>Also delete downloaded models ({})</source>
        <translation>Auch heruntergeladene Modelle löschen ({})</translation>
    </message>
    <message>
        <source>This deletes, and cannot be undone:</source>
        <translation>Dies löscht unwiderruflich:</translation>
    </message>
    <message>
        <source>Settings are kept. Export conversations you want to keep first.</source>
        <translation>Die Einstellungen bleiben erhalten. Exportieren Sie vorher die Unterhaltungen, die Sie behalten möchten.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>Gelöscht:</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>failed: {} — {}</source>
        <translation>fehlgeschlagen: {} — {}</translation>
    </message>
    <message>
        <source>{}% of {}</source>
        <translation>{} % von {}</translation>
    </message>
    <message>
        <source>asking the Hub for the file…</source>
        <translation>Datei wird beim Hub angefragt…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
</context>
<context>
    <name>DraftDetails</name>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Draft model: {} (drafts the next words; the answer stays the same)</source>
        <translation>Entwurfsmodell: {} (entwirft die nächsten Wörter; die Antwort bleibt dieselbe)</translation>
    </message>
    <message>
        <source>Speed-up here: not measured yet.</source>
        <translation>Beschleunigung hier: noch nicht gemessen.</translation>
    </message>
    <message>
        <source>Speed-up here: none with the current engine settings (drafts are checked with a q8_0 KV cache, or with flash attention on and one generation thread).</source>
        <translation>Beschleunigung hier: keine mit den aktuellen Engine-Einstellungen (Entwürfe werden mit einem q8_0-KV-Cache geprüft oder mit eingeschalteter Flash Attention und einem Generierungs-Thread).</translation>
    </message>
    <message>
        <source>Speed-up here: {:.2f}× ({:.0%} of drafts accepted).</source>
        <translation>Beschleunigung hier: {:.2f}× ({:.0%} der Entwürfe angenommen).</translation>
    </message>
    <message>
        <source>Measuring the speed-up (about a minute)…</source>
        <translation>Die Beschleunigung wird gemessen (etwa eine Minute) …</translation>
    </message>
    <message>
        <source>Could not measure the speed-up: {}</source>
        <translation>Die Beschleunigung konnte nicht gemessen werden: {}</translation>
    </message>
</context>
<context>
    <name>EmbeddingCatalog</name>
    <message>
        <source>Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, so the model picker does not offer it.</source>
        <translation>Finden Sie Notizen nach ihrer Bedeutung, nicht nur nach ihren Wörtern: Fragen Sie „wann ist der Zahnarzt?“, und Cove findet auch die Notiz „Termin bei Dr. Reyes am Dienstag“. Das erledigt ein Embedding-Modell auf diesem Computer, neben dem Chat-Modell, mit wenig Speicher; Ihre Notizen verlassen ihn nie. Es kann nicht chatten, daher bietet die Modellauswahl es nicht an.</translation>
    </message>
    <message>
        <source>In use for your notes: {}.</source>
        <translation>Für Ihre Notizen in Verwendung: {}.</translation>
    </message>
    <message>
        <source>None installed: notes are found by their words only. Download one to find them by meaning too.</source>
        <translation>Keines installiert: Notizen werden nur über ihre Wörter gefunden. Laden Sie eines herunter, um sie auch nach Bedeutung zu finden.</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt my conversations</source>
        <translation>Meine Unterhaltungen verschlüsseln</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Neue Passphrase</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Neue Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Also keep the key in this computer&apos;s keyring (unlock when I log in)</source>
        <translation>Den Schlüssel auch im Schlüsselbund dieses Computers speichern (beim Anmelden entsperren)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Verschlüsselung ausschalten…</translation>
    </message>
    <message>
        <source>Your conversations, their backups, the notes index and the engine&apos;s saved states are encrypted on disk. Change the passphrase below.</source>
        <translation>Ihre Unterhaltungen, deren Sicherungen, der Notizindex und die gespeicherten Zustände der Engine sind auf der Festplatte verschlüsselt. Ändern Sie die Passphrase unten.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Your conversations are stored unencrypted. Encrypting them protects them if this computer, its disk or a backup of it gets into other hands.</source>
        <translation>Ihre Unterhaltungen werden unverschlüsselt gespeichert. Verschlüsselung schützt sie, falls dieser Computer, seine Festplatte oder eine Sicherung in andere Hände gerät.</translation>
    </message>
    <message>
        <source>Keeping conversations unencrypted</source>
        <translation>Unterhaltungen unverschlüsselt lassen</translation>
    </message>
    <message>
        <source>Cove will ask for the passphrase when it starts.</source>
        <translation>Cove fragt beim Start nach der Passphrase.</translation>
    </message>
    <message>
        <source>Your conversations are encrypted. This is your recovery key: it opens them if the passphrase is forgotten. Write it down now and keep it apart from this computer; it is shown only this once.</source>
        <translation>Ihre Unterhaltungen sind verschlüsselt. Dies ist Ihr Wiederherstellungsschlüssel: Er öffnet sie, falls die Passphrase vergessen wird. Schreiben Sie ihn jetzt auf und bewahren Sie ihn getrennt von diesem Computer auf; er wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Ihr Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>Verschlüsselung ausschalten</translation>
    </message>
    <message>
        <source>Store your conversations unencrypted again? Anyone with this computer&apos;s disk could then read them.</source>
        <translation>Ihre Unterhaltungen wieder unverschlüsselt speichern? Jeder mit der Festplatte dieses Computers könnte sie dann lesen.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Something went wrong ({}: {}). Details are in Cove&apos;s log.</source>
        <translation>Etwas ist schiefgegangen ({}: {}). Details stehen in Coves Protokoll.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exporting conversations</source>
        <translation>Unterhaltungen exportieren</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Your conversations are encrypted, but exported files are not: they are plain files for you to keep or share.

Format:</source>
        <translation>Ihre Unterhaltungen sind verschlüsselt, exportierte Dateien jedoch nicht: Es sind normale Dateien zum Aufbewahren oder Weitergeben.

Format:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>In einen Ordner exportieren</translation>
    </message>
    <message>
        <source>Export failed: {}</source>
        <translation>Export fehlgeschlagen: {}</translation>
    </message>
    <message>
        <source>There was nothing to export.</source>
        <translation>Es gab nichts zu exportieren.</translation>
    </message>
    <message>
        <source>{} file</source>
        <translation>{} Datei</translation>
    </message>
    <message>
        <source>{} files</source>
        <translation>{} Dateien</translation>
    </message>
    <message>
        <source>Exported {} to {}.</source>
        <translation>Exportiert: {} nach {}.</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Unterhaltungen importieren</translation>
    </message>
    <message>
        <source>Cove export (*.json)</source>
        <translation>Cove-Export (*.json)</translation>
    </message>
    <message>
        <source>Import failed: {}</source>
        <translation>Import fehlgeschlagen: {}</translation>
    </message>
    <message>
        <source>Imported {} and {}; {} already here.</source>
        <translation>{} und {} importiert; {} schon vorhanden.</translation>
    </message>
    <message>
        <source>{} conversation</source>
        <translation>{} Unterhaltung</translation>
    </message>
    <message>
        <source>{} conversations</source>
        <translation>{} Unterhaltungen</translation>
    </message>
    <message>
        <source>{} message</source>
        <translation>{} Nachricht</translation>
    </message>
    <message>
        <source>{} messages</source>
        <translation>{} Nachrichten</translation>
    </message>
    <message>
        <source>{} was</source>
        <translation>{} war</translation>
    </message>
    <message>
        <source>{} were</source>
        <translation>{} waren</translation>
    </message>
</context>
<context>
    <name>FollowBottom</name>
    <message>
        <source>Jump to latest</source>
        <translation>Zum Ende</translation>
    </message>
    <message>
        <source>Jump to the latest message (Ctrl+End)</source>
        <translation>Zur neuesten Nachricht springen (Strg+Ende)</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Answer settings</source>
        <translation>Antworteinstellungen</translation>
    </message>
    <message>
        <source>For this conversation. Defaults come from {} and from Settings.</source>
        <translation>Für diese Unterhaltung. Die Standardwerte kommen von {} und aus den Einstellungen.</translation>
    </message>
    <message>
        <source>Save as default for {}</source>
        <translation>Als Standard für {} speichern</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Standardwerte verwenden</translation>
    </message>
</context>
<context>
    <name>HubSearch</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>{} repositories found. Pick one to see its files.</source>
        <translation>{} Repositorys gefunden. Wählen Sie eines, um seine Dateien zu sehen.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>{}   ({} downloads)</source>
        <translation>{}   ({} Downloads)</translation>
    </message>
    <message>
        <source>Listing the files of {}…</source>
        <translation>Dateien von {} werden aufgelistet…</translation>
    </message>
    <message>
        <source>{}: {} GGUF models.</source>
        <translation>{}: {} GGUF-Modelle.</translation>
    </message>
</context>
<context>
    <name>LiveAnswer</name>
    <message>
        <source>The answer goes on: all of it can be shown when it is complete.</source>
        <translation>Die Antwort läuft weiter: Sie kann vollständig angezeigt werden, sobald sie fertig ist.</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Serving your models at {}/v1</source>
        <translation>Ihre Modelle werden unter {}/v1 bereitgestellt</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Encryption and lock…</source>
        <translation>&amp;Verschlüsselung und Sperre…</translation>
    </message>
    <message>
        <source>Cove — locked</source>
        <translation>Cove — gesperrt</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Your conversations are locked</source>
        <translation>Ihre Unterhaltungen sind gesperrt</translation>
    </message>
    <message>
        <source>Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; the recovery key you wrote down works in its place.</source>
        <translation>Geben Sie Ihre Passphrase ein, um sie zu entsperren. Eine vergessene Passphrase lässt sich nicht wiederherstellen; der aufgeschriebene Wiederherstellungsschlüssel funktioniert an ihrer Stelle.</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Passphrase oder Wiederherstellungsschlüssel</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Search all chats (Ctrl+K)</source>
        <translation>Alle Chats durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Papierkorb leeren…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Papierkorb leeren</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loaded model and speed</source>
        <translation>Geladenes Modell und Geschwindigkeit</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Löschen rückgängig machen</translation>
    </message>
    <message>
        <source>Notes indexing progress</source>
        <translation>Fortschritt der Notizindizierung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Neuer Chat</translation>
    </message>
    <message>
        <source>&amp;Add model file…</source>
        <translation>Modelldatei &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelle…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;all conversations…</source>
        <translation>&amp;Alle Unterhaltungen exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>Unterhaltungen &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>Antwort an&amp;halten</translation>
    </message>
    <message>
        <source>Re&amp;generate answer</source>
        <translation>Antwort neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Continue answer</source>
        <translation>Antwort &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>Letzte Nachricht &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Cop&amp;y last answer</source>
        <translation>Letzte Antwort &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>Unterhaltung &amp;umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin conversation</source>
        <translation>Unterhaltung an&amp;heften / lösen</translation>
    </message>
    <message>
        <source>Arc&amp;hive / unarchive conversation</source>
        <translation>Unterhaltung a&amp;rchivieren / zurückholen</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt…</source>
        <translation>S&amp;ystemprompt…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>Unterhaltung &amp;löschen</translation>
    </message>
    <message>
        <source>Save conversation as &amp;note…</source>
        <translation>Unterhaltung als &amp;Notiz speichern…</translation>
    </message>
    <message>
        <source>&amp;Answer settings…</source>
        <translation>&amp;Antworteinstellungen…</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otizen</translation>
    </message>
    <message>
        <source>Notes &amp;folders…</source>
        <translation>Notiz&amp;ordner…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Write a message</source>
        <translation>Nachricht &amp;schreiben</translation>
    </message>
    <message>
        <source>&amp;Search all chats</source>
        <translation>Alle Chats &amp;durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>&amp;Vorherige Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>&amp;Nächste Unterhaltung</translation>
    </message>
    <message>
        <source>Show/hide &amp;conversation list</source>
        <translation>&amp;Unterhaltungsliste ein-/ausblenden</translation>
    </message>
    <message>
        <source>&amp;Jump to latest</source>
        <translation>&amp;Zum Ende</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>&amp;Datenschutz…</translation>
    </message>
    <message>
        <source>&amp;About Cove</source>
        <translation>&amp;Über Cove</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Message copied.</source>
        <translation>Nachricht kopiert.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it (Esc).</source>
        <translation>Warten Sie, bis die Antwort fertig ist, oder halten Sie sie an (Esc).</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <source>Delete this message? The messages after it stay in the conversation.</source>
        <translation>Diese Nachricht löschen? Die Nachrichten danach bleiben in der Unterhaltung.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>… {} more characters are not shown here: Copy or export gives the whole message.</source>
        <translation>… {} weitere Zeichen werden hier nicht angezeigt: Kopieren oder Exportieren liefert die ganze Nachricht.</translation>
    </message>
    <message>
        <source>Show all ({} more characters)</source>
        <translation>Alles anzeigen ({} weitere Zeichen)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>zitiert</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>Ihre Nachricht wird gelesen…</translation>
    </message>
    <message>
        <source>{} / {} tokens</source>
        <translation>{} / {} Tokens</translation>
    </message>
    <message>
        <source>Attached: {} · {} tokens</source>
        <translation>Angehängt: {} · {} Tokens</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>Markdown kopieren</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Save as note</source>
        <translation>Als Notiz speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Vorherige Version</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Nächste Version</translation>
    </message>
    <message>
        <source>{} tokens</source>
        <translation>{} Tokens</translation>
    </message>
    <message>
        <source>{} tokens/s</source>
        <translation>{} Tokens/s</translation>
    </message>
    <message>
        <source>first token in {} s</source>
        <translation>erstes Token nach {} s</translation>
    </message>
    <message>
        <source>prompt {} tokens ({} new)</source>
        <translation>Prompt {} Tokens ({} neu)</translation>
    </message>
    <message>
        <source>drafts accepted {:.0%}</source>
        <translation>Entwürfe angenommen: {:.0%}</translation>
    </message>
    <message>
        <source>{} earlier messages were left out to fit the model&apos;s context.</source>
        <translation>{} frühere Nachrichten wurden weggelassen, damit alles in den Kontext des Modells passt.</translation>
    </message>
    <message>
        <source>This answer failed.</source>
        <translation>Diese Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
</context>
<context>
    <name>ModelImportActions</name>
    <message>
        <source>Add model file</source>
        <translation>Modelldatei hinzufügen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF-Modelle (*.gguf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not a model file</source>
        <translation>Keine Modelldatei</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>{} wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Could not add the model</source>
        <translation>Das Modell konnte nicht hinzugefügt werden</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>No model yet</source>
        <translation>Noch kein Modell</translation>
    </message>
    <message>
        <source>No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf file you have.</source>
        <translation>Noch kein Modell: Öffnen Sie „Modelle…“, um eines herunterzuladen, oder klicken Sie auf „Modelldatei hinzufügen…“, um eine vorhandene .gguf-Datei zu verwenden.</translation>
    </message>
    <message>
        <source>No model yet: click “Add model file…” to use a .gguf file from your administrator (downloads are turned off on this computer).</source>
        <translation>Noch kein Modell: Klicken Sie auf „Modelldatei hinzufügen…“, um eine .gguf-Datei von Ihrem Administrator zu verwenden (Downloads sind auf diesem Computer ausgeschaltet).</translation>
    </message>
    <message>
        <source>Ready. Answers come from {}: your messages are sent to it, and the conversation is kept here.</source>
        <translation>Bereit. Die Antworten kommen von {}: Ihre Nachrichten werden dorthin gesendet, die Unterhaltung bleibt hier gespeichert.</translation>
    </message>
    <message>
        <source>Loading {}…</source>
        <translation>{} wird geladen…</translation>
    </message>
    <message>
        <source>Ready. Loaded {} in {} s.</source>
        <translation>Bereit. {} in {} s geladen.</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Speicherort</translation>
    </message>
    <message>
        <source>For this computer</source>
        <translation>Für diesen Computer</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>passt</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>knapp</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>zu groß</translation>
    </message>
    <message>
        <source>fast here</source>
        <translation>schnell hier</translation>
    </message>
    <message>
        <source>usable here</source>
        <translation>brauchbar hier</translation>
    </message>
    <message>
        <source>slow here</source>
        <translation>langsam hier</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>empfohlen</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>(built-in)</source>
        <translation>(eingebaut)</translation>
    </message>
</context>
<context>
    <name>ModelsActions</name>
    <message>
        <source>downloading models is turned off</source>
        <translation>das Herunterladen von Modellen ist ausgeschaltet</translation>
    </message>
    <message>
        <source>searching the Hub is turned off</source>
        <translation>die Suche im Hub ist ausgeschaltet</translation>
    </message>
    <message>
        <source>models come from {}</source>
        <translation>Modelle kommen von {}</translation>
    </message>
    <message>
        <source>only the models your administrator allows will load</source>
        <translation>nur die von Ihrem Administrator erlaubten Modelle werden geladen</translation>
    </message>
    <message>
        <source>shared models are in {}</source>
        <translation>gemeinsame Modelle liegen in {}</translation>
    </message>
    <message>
        <source>Set by your administrator: {}.</source>
        <translation>Von Ihrem Administrator festgelegt: {}.</translation>
    </message>
    <message>
        <source>Embedding (notes)</source>
        <translation>Embedding (Notizen)</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Eingebautes Modell</translation>
    </message>
    <message>
        <source>The starter model is part of Cove&apos;s installation and cannot be deleted here.</source>
        <translation>Das Startmodell gehört zur Installation von Cove und kann hier nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Modell löschen</translation>
    </message>
    <message>
        <source>Delete {} ({}) from this computer?</source>
        <translation>{} ({}) von diesem Computer löschen?</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>{} of free memory</source>
        <translation>{} freier Arbeitsspeicher</translation>
    </message>
    <message>
        <source> and {} of free GPU memory ({})</source>
        <translation> und {} freier GPU-Speicher ({})</translation>
    </message>
    <message>
        <source>This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly it would answer. ★ marks the best choice in each family.</source>
        <translation>Dieser Computer hat {}. „passt“ lässt anderen Programmen Platz, „knapp“ kann den Computer verlangsamen, „zu groß“ läuft nicht gut; „schnell hier“, „brauchbar hier“ oder „langsam hier“ sagt, wie schnell es antworten würde. ★ markiert die beste Wahl jeder Familie.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation>Modelldatei hinzufügen…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>Enthaltenden Ordner öffnen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>Chatvorlage…</translation>
    </message>
    <message>
        <source>Use your own chat template for the selected model</source>
        <translation>Eine eigene Chatvorlage für das ausgewählte Modell verwenden</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>Modellkatalog</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download selected model</source>
        <translation>Ausgewähltes Modell herunterladen</translation>
    </message>
    <message>
        <source>&lt;b&gt;For your notes: find them by meaning&lt;/b&gt;</source>
        <translation>&lt;b&gt;Für Ihre Notizen: nach Bedeutung finden&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Embedding models</source>
        <translation>Embedding-Modelle</translation>
    </message>
    <message>
        <source>Download selected embedding model</source>
        <translation>Ausgewähltes Embedding-Modell herunterladen</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Search the Hub for GGUF models, e.g. “mistral 7b instruct”</source>
        <translation>Im Hub nach GGUF-Modellen suchen, z. B. „mistral 7b instruct“</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Waiting for the Hub</source>
        <translation>Warten auf den Hub</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the Hub</source>
        <translation>Nicht mehr auf den Hub warten</translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation>Gefundene Repositorys</translation>
    </message>
    <message>
        <source>Files in the repository</source>
        <translation>Dateien im Repository</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>Im Hub suchen</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>Entwurfsmodell</translation>
    </message>
    <message>
        <source>Measure speed-up</source>
        <translation>Beschleunigung messen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Downloads continue where they stopped, even after Cove restarts. Each file is checked against the SHA-256 the Hub reports before it can be used.</source>
        <translation>Downloads werden dort fortgesetzt, wo sie aufgehört haben, auch nach einem Neustart von Cove. Jede Datei wird vor der Verwendung mit der SHA-256-Prüfsumme des Hubs verglichen.</translation>
    </message>
    <message>
        <source>Mirror address</source>
        <translation>Spiegeladresse</translation>
    </message>
    <message>
        <source>Hub token</source>
        <translation>Hub-Token</translation>
    </message>
    <message>
        <source>Offline: never use the network</source>
        <translation>Offline: das Netzwerk nie verwenden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Mirror address:</source>
        <translation>Spiegeladresse:</translation>
    </message>
    <message>
        <source>Hub token (for gated models):</source>
        <translation>Hub-Token (für geschützte Modelle):</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy</source>
        <translation>Richtlinie des Administrators</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>saved (type a new one to replace it)</source>
        <translation>gespeichert (geben Sie einen neuen ein, um ihn zu ersetzen)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Models come from {}.</source>
        <translation>Modelle kommen von {}.</translation>
    </message>
    <message>
        <source>nowhere: Cove is offline</source>
        <translation>nirgendwoher: Cove ist offline</translation>
    </message>
    <message>
        <source>“{}” is not a web address. It should look like https://mirror.example.org</source>
        <translation>„{}“ ist keine Webadresse. Sie sollte so aussehen: https://mirror.example.org</translation>
    </message>
</context>
<context>
    <name>NoteSavingActions</name>
    <message>
        <source>Save selection as note…</source>
        <translation>Auswahl als Notiz speichern…</translation>
    </message>
    <message>
        <source>this answer</source>
        <translation>diese Antwort</translation>
    </message>
    <message>
        <source>the selected text</source>
        <translation>den ausgewählten Text</translation>
    </message>
    <message>
        <source>Open a conversation first, then save it as a note.</source>
        <translation>Öffnen Sie zuerst eine Unterhaltung und speichern Sie sie dann als Notiz.</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>diese Unterhaltung</translation>
    </message>
    <message>
        <source>Saving notes</source>
        <translation>Notizen speichern</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>Gespeichert in {}</translation>
    </message>
</context>
<context>
    <name>NoteViewerDialog</name>
    <message>
        <source>Note: {}</source>
        <translation>Notiz: {}</translation>
    </message>
    <message>
        <source>Cited passage</source>
        <translation>Zitierte Stelle</translation>
    </message>
    <message>
        <source>Note file</source>
        <translation>Notizdatei</translation>
    </message>
    <message>
        <source>Note state</source>
        <translation>Notizstatus</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>In Standard-App öffnen</translation>
    </message>
    <message>
        <source>Open the note in its default app</source>
        <translation>Die Notiz in ihrer Standard-App öffnen</translation>
    </message>
    <message>
        <source>This note has changed since the answer: shown is the passage as it was then.</source>
        <translation>Diese Notiz hat sich seit der Antwort geändert: Angezeigt wird die Stelle, wie sie damals war.</translation>
    </message>
    <message>
        <source>This note cannot be read now ({}): shown is the passage as it was when the answer was written.</source>
        <translation>Diese Notiz kann gerade nicht gelesen werden ({}): Angezeigt wird die Stelle, wie sie beim Schreiben der Antwort war.</translation>
    </message>
    <message>
        <source>This note is no longer there: shown is the passage as it was when the answer was written.</source>
        <translation>Diese Notiz gibt es nicht mehr: Angezeigt wird die Stelle, wie sie beim Schreiben der Antwort war.</translation>
    </message>
</context>
<context>
    <name>NotesActions</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Set by your administrator: notes folders must be inside {}.</source>
        <translation>Von Ihrem Administrator festgelegt: Notizordner müssen in {} liegen.</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Notizordner hinzufügen</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>{} wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Remove notes folder</source>
        <translation>Notizordner entfernen</translation>
    </message>
    <message>
        <source>Remove {} from your notes?

Cove forgets what it read there; the files themselves are untouched.</source>
        <translation>{} aus Ihren Notizen entfernen?

Cove vergisst, was es dort gelesen hat; die Dateien selbst bleiben unberührt.</translation>
    </message>
    <message>
        <source>Files that could not be read ({}): they are skipped; the rest of the folder is indexed.</source>
        <translation>Dateien, die nicht gelesen werden konnten ({}): Sie werden übersprungen; der Rest des Ordners wird indiziert.</translation>
    </message>
    <message>
        <source>Notes indexing paused {}%</source>
        <translation>Notizindizierung pausiert {} %</translation>
    </message>
    <message>
        <source>Indexing notes {}%</source>
        <translation>Notizen werden indiziert {} %</translation>
    </message>
    <message>
        <source>Paused: </source>
        <translation>Pausiert: </translation>
    </message>
    <message>
        <source>Indexing </source>
        <translation>Indizierung </translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <source>Looking for changes in your notes folders…</source>
        <translation>Suche nach Änderungen in Ihren Notizordnern…</translation>
    </message>
    <message>
        <source>Meaning search is off for now: {}</source>
        <translation>Die Bedeutungssuche ist vorerst aus: {}</translation>
    </message>
    <message>
        <source>Meaning search: finding what each passage means, {} of {}…</source>
        <translation>Bedeutungssuche: Die Bedeutung jeder Stelle wird ermittelt, {} von {}…</translation>
    </message>
    <message>
        <source>Search finds the passages that use your words. Download an embedding model (Models…, “For your notes”) to also find those that say the same in other words: “what did I pay the plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else.</source>
        <translation>Die Suche findet die Stellen, die Ihre Wörter enthalten. Laden Sie ein Embedding-Modell herunter (Modelle…, „Für Ihre Notizen“), um auch Stellen zu finden, die dasselbe mit anderen Worten sagen: „Was habe ich dem Klempner bezahlt?“ findet dann „Rechnung: Reparatur des Heizkessels“. Es läuft auf diesem Computer, wie alles andere.</translation>
    </message>
    <message>
        <source>Meaning search is on ({}): passages are found by what they mean as well as by their words.</source>
        <translation>Die Bedeutungssuche ist an ({}): Stellen werden nach ihrer Bedeutung und nach ihren Wörtern gefunden.</translation>
    </message>
</context>
<context>
    <name>NotesChatActions</name>
    <message>
        <source>Answering from your notes</source>
        <translation>Antwort aus Ihren Notizen</translation>
    </message>
    <message>
        <source>Answer from your notes folders and cite them. There are no notes folders yet: click to add one.</source>
        <translation>Aus Ihren Notizordnern antworten und sie zitieren. Es gibt noch keine Notizordner: Klicken Sie, um einen hinzuzufügen.</translation>
    </message>
    <message>
        <source>Answer from your notes folders, citing the passages used as [1], [2]. Remembered for this conversation.</source>
        <translation>Aus Ihren Notizordnern antworten und die verwendeten Stellen als [1], [2] zitieren. Wird für diese Unterhaltung gemerkt.</translation>
    </message>
    <message>
        <source>Cove could not save this choice ({}). Try again in a moment.</source>
        <translation>Cove konnte diese Auswahl nicht speichern ({}). Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>No notes folders yet</source>
        <translation>Noch keine Notizordner</translation>
    </message>
    <message>
        <source>Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads it, unless you save a note there. Add a notes folder now?</source>
        <translation>Cove braucht dafür einen Ordner mit Notizen (Markdown, Text, PDF, Word oder HTML). Es liest ihn nur, außer Sie speichern dort eine Notiz. Jetzt einen Notizordner hinzufügen?</translation>
    </message>
    <message>
        <source>This answer does not use them.</source>
        <translation>Diese Antwort verwendet sie nicht.</translation>
    </message>
    <message>
        <source>Your notes could not be used for this answer ({}).</source>
        <translation>Ihre Notizen konnten für diese Antwort nicht verwendet werden ({}).</translation>
    </message>
    <message>
        <source>Meaning search is off for now ({}); your notes were searched by their words.</source>
        <translation>Die Bedeutungssuche ist vorerst aus ({}); Ihre Notizen wurden nach ihren Wörtern durchsucht.</translation>
    </message>
    <message>
        <source>The passages could not be stored ({}), so this answer does not use your notes.</source>
        <translation>Die Stellen konnten nicht gespeichert werden ({}), daher verwendet diese Antwort Ihre Notizen nicht.</translation>
    </message>
    <message>
        <source>Your notes could not be searched ({}). The answer does not use them.</source>
        <translation>Ihre Notizen konnten nicht durchsucht werden ({}). Die Antwort verwendet sie nicht.</translation>
    </message>
    <message>
        <source>No notes folders yet, so this answer does not use your notes. Add one in Notes.</source>
        <translation>Noch keine Notizordner, daher verwendet diese Antwort Ihre Notizen nicht. Fügen Sie unter Notizen einen hinzu.</translation>
    </message>
    <message>
        <source>Nothing in your notes matches this question, so the answer does not use them.</source>
        <translation>Nichts in Ihren Notizen passt zu dieser Frage, daher verwendet die Antwort sie nicht.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Notes folders</source>
        <translation>Notizordner</translation>
    </message>
    <message>
        <source>Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only reads them and keeps its index on this computer; changes are picked up while Cove runs.</source>
        <translation>Cove antwortet aus den Notizen in diesen Ordnern: Markdown-, Text-, PDF-, Word- und HTML-Dateien. Es liest sie nur und behält seinen Index auf diesem Computer; Änderungen werden erkannt, solange Cove läuft.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Notizordner hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected notes folder</source>
        <translation>Den ausgewählten Notizordner entfernen</translation>
    </message>
    <message>
        <source>Forget this folder; its files are not touched</source>
        <translation>Diesen Ordner vergessen; seine Dateien bleiben unberührt</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Fortschritt der Indizierung</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Indizierung pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Indizierung fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Indizierung abbrechen</translation>
    </message>
    <message>
        <source>Stop this pass; what is indexed so far is kept</source>
        <translation>Diesen Durchgang beenden; bereits Indiziertes bleibt erhalten</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>Nicht lesbare Dateien</translation>
    </message>
    <message>
        <source>Search finds passages with your words. Meaning search, which also finds passages that say the same in other words, comes with an embedding model.</source>
        <translation>Die Suche findet Stellen mit Ihren Wörtern. Die Bedeutungssuche, die auch Stellen findet, die dasselbe mit anderen Worten sagen, kommt mit einem Embedding-Modell.</translation>
    </message>
</context>
<context>
    <name>NotesFolderModel</name>
    <message>
        <source>{} of {} · {}</source>
        <translation>{} von {} · {}</translation>
    </message>
    <message>
        <source> · about {} left</source>
        <translation> · noch etwa {}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Searching is turned off by your administrator.</source>
        <translation>Die Suche wurde von Ihrem Administrator ausgeschaltet.</translation>
    </message>
    <message>
        <source>Downloads are turned off by your administrator.</source>
        <translation>Downloads wurden von Ihrem Administrator ausgeschaltet.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your conversations are stored only on this computer: no account, no telemetry, no cloud. Cove uses the network only when you ask it to, and only for these requests (to the model Hub, the mirror in use, or a remote server you added):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Hub address in use: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ihre Unterhaltungen werden nur auf diesem Computer gespeichert: kein Konto, keine Telemetrie, keine Cloud. Cove nutzt das Netzwerk nur, wenn Sie es darum bitten, und nur für diese Anfragen (an den Modell-Hub, den verwendeten Spiegel oder einen von Ihnen hinzugefügten entfernten Server):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Verwendete Hub-Adresse: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cove is offline: it makes no network requests at all.</source>
        <translation>Cove ist offline: Es stellt überhaupt keine Netzwerkanfragen.</translation>
    </message>
    <message>
        <source>Cove is online: the requests above are made when you use them. Turn on offline mode in Settings › Privacy to make none.</source>
        <translation>Cove ist online: Die obigen Anfragen werden gestellt, wenn Sie sie nutzen. Schalten Sie in Einstellungen › Datenschutz den Offlinemodus ein, um keine zu stellen.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Network requests made</source>
        <translation>Gestellte Netzwerkanfragen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>Requests Cove made ({}), newest first. The log is {}.</source>
        <translation>Anfragen von Cove ({}), neueste zuerst. Das Protokoll ist {}.</translation>
    </message>
    <message>
        <source>Cove has made no network requests (log: {}).</source>
        <translation>Cove hat keine Netzwerkanfragen gestellt (Protokoll: {}).</translation>
    </message>
</context>
<context>
    <name>RemoteServersActions</name>
    <message>
        <source>  (set by your administrator)</source>
        <translation>  (von Ihrem Administrator festgelegt)</translation>
    </message>
    <message>
        <source>  · key stored</source>
        <translation>  · Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>CA-Bundle (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Asking {} for its models…</source>
        <translation>{} wird nach seinen Modellen gefragt…</translation>
    </message>
    <message>
        <source>The key could not be stored ({}).</source>
        <translation>Der Schlüssel konnte nicht gespeichert werden ({}).</translation>
    </message>
    <message>
        <source>Added {}: {} models ({}). They are in the model picker, marked “on {}”.</source>
        <translation>{} hinzugefügt: {} Modelle ({}). Sie stehen in der Modellauswahl, markiert mit „auf {}“.</translation>
    </message>
    <message>
        <source>Removed {} and its stored key.</source>
        <translation>{} und sein gespeicherter Schlüssel wurden entfernt.</translation>
    </message>
</context>
<context>
    <name>RemoteServersTab</name>
    <message>
        <source>Servers that run models for Cove: vLLM, llama.cpp&apos;s llama-server, Ollama, or another Cove. Their models appear in the model picker, marked with the server&apos;s name. When you chat with one, your messages are sent to that server; the conversation is stored only on this computer.</source>
        <translation>Server, die Modelle für Cove ausführen: vLLM, llama-server von llama.cpp, Ollama oder ein anderes Cove. Ihre Modelle erscheinen in der Modellauswahl, markiert mit dem Namen des Servers. Wenn Sie mit einem davon chatten, werden Ihre Nachrichten an diesen Server gesendet; die Unterhaltung wird nur auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Entfernte Server</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Server entfernen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>optional: for an on-prem certificate</source>
        <translation>optional: für ein firmeneigenes Zertifikat</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Lower: focused and predictable. Higher: more varied and inventive.</source>
        <translation>Niedriger: fokussiert und vorhersehbar. Höher: abwechslungsreicher und einfallsreicher.</translation>
    </message>
    <message>
        <source>How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits conversation; above 1 wanders.</source>
        <translation>Wie frei das nächste Wort gewählt wird. 0 nimmt immer das wahrscheinlichste Wort; etwa 0,7 passt für Unterhaltungen; über 1 schweift es ab.</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Picks only among the likeliest words that together make up this share (1 = all).</source>
        <translation>Wählt nur unter den wahrscheinlichsten Wörtern, die zusammen diesen Anteil ausmachen (1 = alle).</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Picks only among this many likeliest words.</source>
        <translation>Wählt nur unter so vielen der wahrscheinlichsten Wörter.</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Leaves out words less likely than this share of the likeliest one (0 = off).</source>
        <translation>Lässt Wörter aus, die unwahrscheinlicher sind als dieser Anteil des wahrscheinlichsten (0 = aus).</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Wiederholungsstrafe</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words (1 = off).</source>
        <translation>Über 1 hemmt die Wiederholung derselben Wörter (1 = aus).</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Längste Antwort (Tokens)</translation>
    </message>
    <message>
        <source>An answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>Eine Antwort endet nach so vielen Tokens (ein Token ist etwa ¾ eines Wortes).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Random: a new answer each time. A number: the same question gets the same answer.</source>
        <translation>Zufällig: jedes Mal eine neue Antwort. Eine Zahl: dieselbe Frage bekommt dieselbe Antwort.</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <source>Save as note</source>
        <translation>Als Notiz speichern</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Titel der Notiz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meeting, budget</source>
        <translation>Durch Kommas getrennt, z. B. Besprechung, Budget</translation>
    </message>
    <message>
        <source>Notes folder</source>
        <translation>Notizordner</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>None: the text as it is</source>
        <translation>Keine: der Text, wie er ist</translation>
    </message>
    <message>
        <source>Why the note was not saved</source>
        <translation>Warum die Notiz nicht gespeichert wurde</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Saves {} as a Markdown file in your notes folder; it is searchable at once.</source>
        <translation>Speichert {} als Markdown-Datei in Ihrem Notizordner; sie ist sofort durchsuchbar.</translation>
    </message>
    <message>
        <source>Folder for the note</source>
        <translation>Ordner für die Notiz</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Search failed ({}).</source>
        <translation>Suche fehlgeschlagen ({}).</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Let other programs on this computer (an editor, a script) use your models through the OpenAI API, as the cove serve command does. Your conversations stay here; requests are written to the request log without their content.</source>
        <translation>Lassen Sie andere Programme auf diesem Computer (einen Editor, ein Skript) Ihre Modelle über die OpenAI-API nutzen, wie es der Befehl cove serve tut. Ihre Unterhaltungen bleiben hier; Anfragen werden ohne ihren Inhalt im Anfrageprotokoll vermerkt.</translation>
    </message>
    <message>
        <source>Serve my models to other programs</source>
        <translation>Meine Modelle anderen Programmen bereitstellen</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Nur dieser Computer</translation>
    </message>
    <message>
        <source>Other computers on the network (needs the key)</source>
        <translation>Andere Computer im Netzwerk (Schlüssel nötig)</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Wer sich verbinden kann</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Neuer Schlüssel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only this once. It is stored in {}, readable by you only.</source>
        <translation>Kopieren Sie den Schlüssel jetzt: Er wird nur dieses eine Mal angezeigt. Er ist in {} gespeichert, nur für Sie lesbar.</translation>
    </message>
    <message>
        <source>stored in {}</source>
        <translation>gespeichert in {}</translation>
    </message>
    <message>
        <source>none needed on this computer only</source>
        <translation>nicht nötig, wenn nur dieser Computer zugreift</translation>
    </message>
    <message>
        <source>Other computers must send the key (Authorization: Bearer KEY).</source>
        <translation>Andere Computer müssen den Schlüssel senden (Authorization: Bearer SCHLÜSSEL).</translation>
    </message>
    <message>
        <source>no models yet: download one in Models</source>
        <translation>noch keine Modelle: Laden Sie eines unter Modelle herunter</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Serving at {}/v1</source>
        <translation>Bereitgestellt unter {}/v1</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Server ist aus.</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>Processor</source>
        <translation>Prozessor</translation>
    </message>
    <message>
        <source>{} · {} cores ({} threads) · {} memory ({} free)</source>
        <translation>{} · {} Kerne ({} Threads) · {} Speicher ({} frei)</translation>
    </message>
    <message>
        <source>{} · {} cores · {} memory ({} free)</source>
        <translation>{} · {} Kerne · {} Speicher ({} frei)</translation>
    </message>
    <message>
        <source>GPU: {} (this build cannot offload to it)</source>
        <translation>GPU: {} (dieser Build kann nichts auf sie auslagern)</translation>
    </message>
    <message>
        <source>GPU: {}</source>
        <translation>GPU: {}</translation>
    </message>
    <message>
        <source>GPU: none used (this llama.cpp build runs models on the processor)</source>
        <translation>GPU: keine genutzt (dieser llama.cpp-Build führt Modelle auf dem Prozessor aus)</translation>
    </message>
    <message>
        <source>Load a model to see the accelerations llama.cpp uses and how it runs the model.</source>
        <translation>Laden Sie ein Modell, um zu sehen, welche Beschleunigungen llama.cpp nutzt und wie es das Modell ausführt.</translation>
    </message>
    <message>
        <source>Accelerations: {}</source>
        <translation>Beschleunigungen: {}</translation>
    </message>
    <message>
        <source>none beyond the basics</source>
        <translation>keine über die Grundausstattung hinaus</translation>
    </message>
    <message>
        <source>all layers on the GPU</source>
        <translation>alle Schichten auf der GPU</translation>
    </message>
    <message>
        <source>{} layers on the GPU</source>
        <translation>{} Schichten auf der GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>nur CPU</translation>
    </message>
    <message>
        <source>Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, {} for reading · flash attention {} · KV cache {}</source>
        <translation>Aktuell: llama.cpp {} · {} · Kontext {} Tokens · {} Threads für Antworten, {} zum Lesen · Flash Attention {} · KV-Cache {}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Encryption and passphrase…</source>
        <translation>Verschlüsselung und Passphrase…</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Chatvorlage</translation>
    </message>
    <message>
        <source>Jinja chat template for {} (leave empty to use the one in the file):</source>
        <translation>Jinja-Chatvorlage für {} (leer lassen, um die aus der Datei zu verwenden):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>How every model writes its answers, unless a model or a conversation has its own settings (Chat › Answer settings).</source>
        <translation>Wie jedes Modell seine Antworten schreibt, sofern ein Modell oder eine Unterhaltung keine eigenen Einstellungen hat (Chat › Antworteinstellungen).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>f16 (best quality)</source>
        <translation>f16 (beste Qualität)</translation>
    </message>
    <message>
        <source>q8_0 (half the memory; rewrites sooner)</source>
        <translation>q8_0 (halber Speicher; Überarbeitungen schneller)</translation>
    </message>
    <message>
        <source>q4_0 (a quarter)</source>
        <translation>q4_0 (ein Viertel)</translation>
    </message>
    <message>
        <source>leave out the oldest messages</source>
        <translation>die ältesten Nachrichten weglassen</translation>
    </message>
    <message>
        <source>stop and tell me</source>
        <translation>anhalten und Bescheid geben</translation>
    </message>
    <message>
        <source>Read my message while I type (faster first word)</source>
        <translation>Meine Nachricht schon beim Tippen lesen (schnelleres erstes Wort)</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>Kontextgröße (Tokens)</translation>
    </message>
    <message>
        <source>Threads for answers</source>
        <translation>Threads für Antworten</translation>
    </message>
    <message>
        <source>Threads for reading prompts</source>
        <translation>Threads zum Lesen von Prompts</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU-Schichten</translation>
    </message>
    <message>
        <source>Flash attention</source>
        <translation>Flash Attention</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>KV-Cache-Typ</translation>
    </message>
    <message>
        <source>When a chat outgrows the context</source>
        <translation>Wenn ein Chat den Kontext übersteigt</translation>
    </message>
    <message>
        <source>Saved conversation states</source>
        <translation>Gespeicherte Unterhaltungszustände</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Empty the trash of chats deleted more than</source>
        <translation>Chats aus dem Papierkorb entfernen, gelöscht vor mehr als</translation>
    </message>
    <message>
        <source>Daily backups of the conversations to keep</source>
        <translation>Aufzubewahrende tägliche Sicherungen der Unterhaltungen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Datenordner öffnen</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>Systemgröße</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Conversation text size</source>
        <translation>Textgröße der Unterhaltung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Applies when Cove restarts</source>
        <translation>Gilt nach einem Neustart von Cove</translation>
    </message>
    <message>
        <source>Offline: never use the network, not even for model search and downloads</source>
        <translation>Offline: das Netzwerk nie verwenden, auch nicht für Modellsuche und Downloads</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. The network is used only when you search for or download a model (from the Hugging Face Hub, or the mirror set in Models › Network), and when you chat with a model of a remote server (Settings › Remote servers): your messages then go to that server.</source>
        <translation>Ihre Unterhaltungen verlassen diesen Computer nie: Cove hat kein Konto, keine Telemetrie und keine Cloud. Das Netzwerk wird nur genutzt, wenn Sie ein Modell suchen oder herunterladen (vom Hugging Face Hub oder dem in Modelle › Netzwerk eingestellten Spiegel) und wenn Sie mit einem Modell eines entfernten Servers chatten (Einstellungen › Entfernte Server): Ihre Nachrichten gehen dann an diesen Server.</translation>
    </message>
    <message>
        <source>Encrypt my conversations…</source>
        <translation>Meine Unterhaltungen verschlüsseln…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Nach Minuten Inaktivität sperren</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>Sperren nach Inaktivität von:</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>Alle meine Daten löschen…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Alle meine Daten löschen</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Entfernte Server</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Set by your administrator ({}):</source>
        <translation>Von Ihrem Administrator festgelegt ({}):</translation>
    </message>
    <message>
        <source>Model downloads: {}</source>
        <translation>Modell-Downloads: {}</translation>
    </message>
    <message>
        <source>Hub search: {}</source>
        <translation>Hub-Suche: {}</translation>
    </message>
    <message>
        <source>Exporting conversations: {}</source>
        <translation>Export von Unterhaltungen: {}</translation>
    </message>
    <message>
        <source>Models come only from: {}</source>
        <translation>Modelle kommen nur von: {}</translation>
    </message>
    <message>
        <source>Allowed models: {}</source>
        <translation>Erlaubte Modelle: {}</translation>
    </message>
    <message>
        <source>Conversations are deleted after {} days without activity</source>
        <translation>Unterhaltungen werden nach {} Tagen ohne Aktivität gelöscht</translation>
    </message>
    <message>
        <source>Only an administrator can change these.</source>
        <translation>Nur ein Administrator kann dies ändern.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Could not save settings to {} ({}).</source>
        <translation>Einstellungen konnten nicht in {} gespeichert werden ({}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Neue Zeile in der Nachricht</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel editing a message</source>
        <translation>Die Antwort anhalten oder das Bearbeiten einer Nachricht abbrechen</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Zwischen Bedienelementen wechseln</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>Die ausgewählte Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Move the selected conversation to the trash</source>
        <translation>Die ausgewählte Unterhaltung in den Papierkorb verschieben</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Funktion</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>Your computer is busy: answers are slower</source>
        <translation>Ihr Computer ist ausgelastet: Antworten kommen langsamer</translation>
    </message>
    <message>
        <source>Other programs are using most of the processor, so this answer comes slower than usual. Closing them speeds it up.</source>
        <translation>Andere Programme nutzen den Großteil des Prozessors, daher kommt diese Antwort langsamer als sonst. Sie zu schließen beschleunigt sie.</translation>
    </message>
    <message>
        <source>{} tok/s</source>
        <translation>{} Tok/s</translation>
    </message>
    <message>
        <source>context {} / {} tokens</source>
        <translation>Kontext {} / {} Tokens</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Vorgabe</translation>
    </message>
    <message>
        <source>System prompt text</source>
        <translation>Text des Systemprompts</translation>
    </message>
    <message>
        <source>No system prompt: the model&apos;s own default applies.</source>
        <translation>Kein Systemprompt: Es gilt der Standard des Modells.</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Als Vorgabe speichern…</translation>
    </message>
    <message>
        <source>Update preset</source>
        <translation>Vorgabe aktualisieren</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Vorgabe löschen</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation:</source>
        <translation>Anweisungen, denen das Modell in dieser Unterhaltung folgt:</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(eigener)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Als Vorgabe speichern</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Name der Vorgabe:</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Conversation transcript</source>
        <translation>Verlauf der Unterhaltung</translation>
    </message>
    <message>
        <source>Type a message below to start.</source>
        <translation>Schreiben Sie unten eine Nachricht, um zu beginnen.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Show {} earlier messages</source>
        <translation>{} frühere Nachrichten anzeigen</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About Cove</source>
        <translation>Über Cove</translation>
    </message>
    <message>
        <source>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;A private chat assistant that runs open models on this computer.&lt;br&gt;Your conversations stay on this computer. Cove sends nothing except the requests listed on the Privacy page, which you start: model search and downloads from the Hub.</source>
        <translation>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;Ein privater Chat-Assistent, der offene Modelle auf diesem Computer ausführt.&lt;br&gt;Ihre Unterhaltungen bleiben auf diesem Computer. Cove sendet nichts außer den auf der Seite Datenschutz aufgeführten Anfragen, die Sie selbst auslösen: Modellsuche und Downloads vom Hub.</translation>
    </message>
</context>
</TS>
