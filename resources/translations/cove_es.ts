<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name></name>
    <message>
        <source>Welcome to Cove</source>
        <translation>Bienvenido a Cove</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Empiece ya</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>Empezar a chatear</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer. Cove has no account, no cloud and no telemetry; it uses the network only when you download a model.</source>
        <translation>Todo lo que escribe se queda en este equipo. Cove no tiene cuenta, ni nube, ni telemetría; solo usa la red cuando descarga un modelo.</translation>
    </message>
    <message>
        <source>Your conversations are stored only on this computer. Cove has no account, no cloud and no telemetry; the model picked runs on a remote server, so your messages are sent to it.</source>
        <translation>Sus conversaciones se guardan solo en este equipo. Cove no tiene cuenta, ni nube, ni telemetría; el modelo elegido se ejecuta en un servidor remoto, así que sus mensajes se envían a él.</translation>
    </message>
    <message>
        <source>{} is ready.</source>
        <translation>{} está listo.</translation>
    </message>
    <message>
        <source>The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for short, simple questions, but it makes mistakes and misses instructions.</source>
        <translation>El {} integrado ({}) funciona sin conexión, así que puede probar Cove enseguida. Es muy pequeño: sirve para preguntas cortas y sencillas, pero comete errores y se salta instrucciones.</translation>
    </message>
    <message>
        <source>Add a .gguf file you have</source>
        <translation>Añadir un archivo .gguf que tenga</translation>
    </message>
    <message>
        <source>There is no model yet.</source>
        <translation>Todavía no hay ningún modelo.</translation>
    </message>
    <message>
        <source>Cove speaks {}. To change its language, open Settings › Appearance › Language; the change applies when Cove restarts.</source>
        <translation>Cove habla {}. Para cambiar el idioma, abra Ajustes › Apariencia › Idioma; el cambio se aplica al reiniciar Cove.</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>Descarga de modelos</translation>
    </message>
    <message>
        <source>A better model for this computer</source>
        <translation>Un modelo mejor para este equipo</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Ver todos los modelos</translation>
    </message>
    <message>
        <source>Looking at this computer&apos;s memory…</source>
        <translation>Examinando la memoria de este equipo…</translation>
    </message>
    <message>
        <source>None of the recommended models would fit and answer quickly on this computer: the built-in model is the one that runs well here.</source>
        <translation>Ninguno de los modelos recomendados cabría y respondería con rapidez en este equipo: el modelo integrado es el que funciona bien aquí.</translation>
    </message>
    <message>
        <source>Download {} ({})</source>
        <translation>Descargar {} ({})</translation>
    </message>
    <message>
        <source>Downloads once from Hugging Face ({} build), then works offline like the built-in model.</source>
        <translation>Se descarga una vez de Hugging Face (versión {}) y luego funciona sin conexión, como el modelo integrado.</translation>
    </message>
    <message>
        <source>Show or hide the conversation list</source>
        <translation>Mostrar u ocultar la lista de conversaciones</translation>
    </message>
    <message>
        <source>Show or hide the conversation list (Ctrl+B)</source>
        <translation>Mostrar u ocultar la lista de conversaciones (Ctrl+B)</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Indicación del sistema…</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>Indicación del sistema para esta conversación</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Instrucciones que el modelo sigue en esta conversación</translation>
    </message>
    <message>
        <source>Use my notes</source>
        <translation>Usar mis notas</translation>
    </message>
    <message>
        <source>Use my notes in this conversation</source>
        <translation>Usar mis notas en esta conversación</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modelos…</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>Abrir la biblioteca de modelos</translation>
    </message>
    <message>
        <source>Installed models, recommended models, Hub search and downloads (Ctrl+M)</source>
        <translation>Modelos instalados, modelos recomendados, búsqueda en el Hub y descargas (Ctrl+M)</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Añadir archivo…</translation>
    </message>
    <message>
        <source>Add model file</source>
        <translation>Añadir archivo de modelo</translation>
    </message>
    <message>
        <source>Add a model file: copy a .gguf file into Cove&apos;s models folder</source>
        <translation>Añadir un archivo de modelo: copiar un archivo .gguf a la carpeta de modelos de Cove</translation>
    </message>
</context>
<context>
    <name>AnswerSession</name>
    <message>
        <source>Your message could not be saved ({}), so it was not sent. It is still in the box: try again in a moment.</source>
        <translation>No se pudo guardar su mensaje ({}), así que no se envió. Sigue en el cuadro: inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>A remote model cannot carry on a stopped answer where it ended: regenerate it instead (a new version, beside this one).</source>
        <translation>Un modelo remoto no puede continuar una respuesta detenida donde terminó: regénerela (una versión nueva, junto a esta).</translation>
    </message>
    <message>
        <source>Add a model first: click “Add model file…”.</source>
        <translation>Primero añada un modelo: haga clic en «Añadir archivo de modelo…».</translation>
    </message>
    <message>
        <source>Cove could not write to its database ({}).</source>
        <translation>Cove no pudo escribir en su base de datos ({}).</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Generando… (Esc para detener)</translation>
    </message>
    <message>
        <source>Looking in your notes… (Esc to stop)</source>
        <translation>Buscando en sus notas… (Esc para detener)</translation>
    </message>
    <message>
        <source>Stopped. What was written is saved.</source>
        <translation>Detenido. Lo escrito se ha guardado.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>The answer reached the length limit.</source>
        <translation>La respuesta alcanzó el límite de longitud.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>The answer could not be saved ({}). It stays on screen; copy what you need before closing.</source>
        <translation>No se pudo guardar la respuesta ({}). Sigue en pantalla; copie lo que necesite antes de cerrar.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Files cannot be attached here: this conversation is in the trash. Restore it first, or start a new chat.</source>
        <translation>Aquí no se pueden adjuntar archivos: esta conversación está en la papelera. Restáurela primero o empiece un chat nuevo.</translation>
    </message>
    <message>
        <source>“{}” is already attached.</source>
        <translation>«{}» ya está adjunto.</translation>
    </message>
    <message>
        <source>use a model with a larger context, or raise “Context size” in Settings</source>
        <translation>use un modelo con un contexto más grande o aumente «Tamaño del contexto» en Ajustes</translation>
    </message>
    <message>
        <source>This message with its files takes about {} tokens, too many for the model&apos;s context of {} tokens (with {} left for the answer), so it cannot be answered. Remove a file or attach a shorter part of it, or {}.</source>
        <translation>Este mensaje con sus archivos ocupa unos {} tokens, demasiados para el contexto del modelo de {} tokens (con {} reservados para la respuesta), así que no se puede responder. Quite un archivo o adjunte una parte más corta, o {}.</translation>
    </message>
    <message>
        <source>it would not be answered (Settings: “When a chat outgrows the context” is “stop and tell me”)</source>
        <translation>no se respondería (Ajustes: «Cuando un chat supera el contexto» está en «detenerse y avisarme»)</translation>
    </message>
    <message>
        <source>the oldest messages will be left out of what the model reads</source>
        <translation>los mensajes más antiguos quedarán fuera de lo que lee el modelo</translation>
    </message>
    <message>
        <source>With these files the conversation takes about {} tokens, more than the model&apos;s context of {} tokens (with {} left for the answer): {}. Remove a file or start a new chat for it, or {}.</source>
        <translation>Con estos archivos la conversación ocupa unos {} tokens, más que el contexto del modelo de {} tokens (con {} reservados para la respuesta): {}. Quite un archivo o empiece un chat nuevo para él, o {}.</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Attached files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>Attachment warning</source>
        <translation>Aviso sobre adjuntos</translation>
    </message>
    <message>
        <source> and {} more</source>
        <translation> y {} más</translation>
    </message>
    <message>
        <source>Reading {}…</source>
        <translation>Leyendo {}…</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {}</source>
        <translation>Quitar {}</translation>
    </message>
    <message>
        <source>Remove {} from this message</source>
        <translation>Quitar {} de este mensaje</translation>
    </message>
    <message>
        <source>{} · {} tokens</source>
        <translation>{} · {} tokens</translation>
    </message>
    <message>
        <source>{}: {}, {} tokens{}</source>
        <translation>{}: {}, {} tokens{}</translation>
    </message>
    <message>
        <source> (an estimate until the model has counted them)</source>
        <translation> (una estimación hasta que el modelo los cuente)</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer.
Type a message below to start.</source>
        <translation>Todo lo que escribe se queda en este equipo.
Escriba un mensaje abajo para empezar.</translation>
    </message>
    <message>
        <source>This conversation is in the trash. Restore it to write in it.</source>
        <translation>Esta conversación está en la papelera. Restáurela para escribir en ella.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Cove…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>Mensaje para Cove…  (Intro para enviar, Mayús+Intro para una línea nueva)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Adjuntar…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Attach text or Markdown files</source>
        <translation>Adjuntar archivos de texto o Markdown</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it as a new version (the old one is kept). Esc cancels.</source>
        <translation>Editando un mensaje: Intro lo envía como versión nueva (se conserva la anterior). Esc cancela.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Cancelar edición</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Detener respuesta</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>Eliminar para siempre…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Desfijar</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Desarchivar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Indicación del sistema…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Renombrar conversación</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Moved “{}” to the archive.</source>
        <translation>«{}» se movió al archivo.</translation>
    </message>
    <message>
        <source>Moved “{}” back to the chats.</source>
        <translation>«{}» volvió a los chats.</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Instrucciones que el modelo sigue en esta conversación</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personalizada</translation>
    </message>
    <message>
        <source>System prompt: {}</source>
        <translation>Indicación del sistema: {}</translation>
    </message>
    <message>
        <source>Moved “{}” to the trash.</source>
        <translation>«{}» se movió a la papelera.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restaurada.</translation>
    </message>
    <message>
        <source>Restored “{}” to the chats.</source>
        <translation>«{}» se restauró en los chats.</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Eliminar para siempre</translation>
    </message>
    <message>
        <source>Delete “{}” and all its messages for good? This cannot be undone.</source>
        <translation>¿Eliminar «{}» y todos sus mensajes definitivamente? No se puede deshacer.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Vaciar papelera</translation>
    </message>
    <message>
        <source>Delete the {} conversations in the trash for good? This cannot be undone.</source>
        <translation>¿Eliminar definitivamente las {} conversaciones de la papelera? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fijadas</translation>
    </message>
    <message>
        <source>Pinned: </source>
        <translation>Fijada: </translation>
    </message>
</context>
<context>
    <name>DataDeletionActions</name>
    <message>
        <source>Delete all my data</source>
        <translation>Eliminar todos mis datos</translation>
    </message>
    <message>
        <source>Also delete downloaded models ({})</source>
        <translation>Eliminar también los modelos descargados ({})</translation>
    </message>
    <message>
        <source>This deletes, and cannot be undone:</source>
        <translation>Esto elimina, sin posibilidad de deshacer:</translation>
    </message>
    <message>
        <source>Settings are kept. Export conversations you want to keep first.</source>
        <translation>Los ajustes se conservan. Exporte antes las conversaciones que quiera guardar.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>Eliminado:</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>failed: {} — {}</source>
        <translation>falló: {} — {}</translation>
    </message>
    <message>
        <source>{}% of {}</source>
        <translation>{}% de {}</translation>
    </message>
    <message>
        <source>asking the Hub for the file…</source>
        <translation>pidiendo el archivo al Hub…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
</context>
<context>
    <name>DraftDetails</name>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Draft model: {} (drafts the next words; the answer stays the same)</source>
        <translation>Modelo de borrador: {} (propone las palabras siguientes; la respuesta no cambia)</translation>
    </message>
    <message>
        <source>Speed-up here: not measured yet.</source>
        <translation>Aceleración aquí: aún no medida.</translation>
    </message>
    <message>
        <source>Speed-up here: none with the current engine settings (drafts are checked with a q8_0 KV cache, or with flash attention on and one generation thread).</source>
        <translation>Aceleración aquí: ninguna con los ajustes actuales del motor (los borradores se comprueban con una caché KV q8_0, o con flash attention activada y un hilo de generación).</translation>
    </message>
    <message>
        <source>Speed-up here: {:.2f}× ({:.0%} of drafts accepted).</source>
        <translation>Aceleración aquí: {:.2f}× ({:.0%} de los borradores aceptados).</translation>
    </message>
    <message>
        <source>Measuring the speed-up (about a minute)…</source>
        <translation>Midiendo la aceleración (alrededor de un minuto)…</translation>
    </message>
    <message>
        <source>Could not measure the speed-up: {}</source>
        <translation>No se pudo medir la aceleración: {}</translation>
    </message>
</context>
<context>
    <name>EmbeddingCatalog</name>
    <message>
        <source>Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, so the model picker does not offer it.</source>
        <translation>Encuentre notas por su significado, no solo por sus palabras: pregunte «¿cuándo es el dentista?» y Cove también encuentra la nota que dice «cita con la Dra. Reyes el martes». Lo hace un modelo de incrustación en este equipo, junto al modelo de chat, con poca memoria; sus notas nunca salen de él. No puede conversar, así que el selector de modelos no lo ofrece.</translation>
    </message>
    <message>
        <source>In use for your notes: {}.</source>
        <translation>En uso para sus notas: {}.</translation>
    </message>
    <message>
        <source>None installed: notes are found by their words only. Download one to find them by meaning too.</source>
        <translation>Ninguno instalado: las notas se encuentran solo por sus palabras. Descargue uno para encontrarlas también por su significado.</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt my conversations</source>
        <translation>Cifrar mis conversaciones</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repita la frase de contraseña nueva</translation>
    </message>
    <message>
        <source>Also keep the key in this computer&apos;s keyring (unlock when I log in)</source>
        <translation>Guardar también la clave en el llavero de este equipo (desbloquear al iniciar sesión)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Desactivar el cifrado…</translation>
    </message>
    <message>
        <source>Your conversations, their backups, the notes index and the engine&apos;s saved states are encrypted on disk. Change the passphrase below.</source>
        <translation>Sus conversaciones, sus copias de seguridad, el índice de notas y los estados guardados del motor están cifrados en el disco. Cambie la frase de contraseña abajo.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar frase de contraseña</translation>
    </message>
    <message>
        <source>Your conversations are stored unencrypted. Encrypting them protects them if this computer, its disk or a backup of it gets into other hands.</source>
        <translation>Sus conversaciones se guardan sin cifrar. Cifrarlas las protege si este equipo, su disco o una copia de seguridad acaba en otras manos.</translation>
    </message>
    <message>
        <source>Keeping conversations unencrypted</source>
        <translation>Mantener las conversaciones sin cifrar</translation>
    </message>
    <message>
        <source>Cove will ask for the passphrase when it starts.</source>
        <translation>Cove pedirá la frase de contraseña al iniciarse.</translation>
    </message>
    <message>
        <source>Your conversations are encrypted. This is your recovery key: it opens them if the passphrase is forgotten. Write it down now and keep it apart from this computer; it is shown only this once.</source>
        <translation>Sus conversaciones están cifradas. Esta es su clave de recuperación: las abre si olvida la frase de contraseña. Anótela ahora y guárdela lejos de este equipo; solo se muestra esta vez.</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Su clave de recuperación</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>Desactivar el cifrado</translation>
    </message>
    <message>
        <source>Store your conversations unencrypted again? Anyone with this computer&apos;s disk could then read them.</source>
        <translation>¿Volver a guardar sus conversaciones sin cifrar? Cualquiera con el disco de este equipo podría leerlas.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Something went wrong ({}: {}). Details are in Cove&apos;s log.</source>
        <translation>Algo salió mal ({}: {}). Los detalles están en el registro de Cove.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exporting conversations</source>
        <translation>Exportando conversaciones</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Your conversations are encrypted, but exported files are not: they are plain files for you to keep or share.

Format:</source>
        <translation>Sus conversaciones están cifradas, pero los archivos exportados no: son archivos normales para guardar o compartir.

Formato:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exportar a una carpeta</translation>
    </message>
    <message>
        <source>Export failed: {}</source>
        <translation>La exportación falló: {}</translation>
    </message>
    <message>
        <source>There was nothing to export.</source>
        <translation>No había nada que exportar.</translation>
    </message>
    <message>
        <source>{} file</source>
        <translation>{} archivo</translation>
    </message>
    <message>
        <source>{} files</source>
        <translation>{} archivos</translation>
    </message>
    <message>
        <source>Exported {} to {}.</source>
        <translation>Exportación: {} en {}.</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Importar conversaciones</translation>
    </message>
    <message>
        <source>Cove export (*.json)</source>
        <translation>Exportación de Cove (*.json)</translation>
    </message>
    <message>
        <source>Import failed: {}</source>
        <translation>La importación falló: {}</translation>
    </message>
    <message>
        <source>Imported {} and {}; {} already here.</source>
        <translation>Se importaron {} y {}; {} aquí.</translation>
    </message>
    <message>
        <source>{} conversation</source>
        <translation>{} conversación</translation>
    </message>
    <message>
        <source>{} conversations</source>
        <translation>{} conversaciones</translation>
    </message>
    <message>
        <source>{} message</source>
        <translation>{} mensaje</translation>
    </message>
    <message>
        <source>{} messages</source>
        <translation>{} mensajes</translation>
    </message>
    <message>
        <source>{} was</source>
        <translation>{} ya estaba</translation>
    </message>
    <message>
        <source>{} were</source>
        <translation>{} ya estaban</translation>
    </message>
</context>
<context>
    <name>FollowBottom</name>
    <message>
        <source>Jump to latest</source>
        <translation>Ir al final</translation>
    </message>
    <message>
        <source>Jump to the latest message (Ctrl+End)</source>
        <translation>Ir al último mensaje (Ctrl+Fin)</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Answer settings</source>
        <translation>Ajustes de respuesta</translation>
    </message>
    <message>
        <source>For this conversation. Defaults come from {} and from Settings.</source>
        <translation>Para esta conversación. Los valores predeterminados vienen de {} y de Ajustes.</translation>
    </message>
    <message>
        <source>Save as default for {}</source>
        <translation>Guardar como predeterminado para {}</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Usar los valores predeterminados</translation>
    </message>
</context>
<context>
    <name>HubSearch</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>{} repositories found. Pick one to see its files.</source>
        <translation>Se encontraron {} repositorios. Elija uno para ver sus archivos.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message>
        <source>{}   ({} downloads)</source>
        <translation>{}   ({} descargas)</translation>
    </message>
    <message>
        <source>Listing the files of {}…</source>
        <translation>Listando los archivos de {}…</translation>
    </message>
    <message>
        <source>{}: {} GGUF models.</source>
        <translation>{}: {} modelos GGUF.</translation>
    </message>
</context>
<context>
    <name>LiveAnswer</name>
    <message>
        <source>The answer goes on: all of it can be shown when it is complete.</source>
        <translation>La respuesta continúa: se podrá mostrar entera cuando esté completa.</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Serving your models at {}/v1</source>
        <translation>Sus modelos se sirven en {}/v1</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Encryption and lock…</source>
        <translation>&amp;Cifrado y bloqueo…</translation>
    </message>
    <message>
        <source>Cove — locked</source>
        <translation>Cove — bloqueado</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Your conversations are locked</source>
        <translation>Sus conversaciones están bloqueadas</translation>
    </message>
    <message>
        <source>Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; the recovery key you wrote down works in its place.</source>
        <translation>Escriba su frase de contraseña para desbloquearlas. Una frase de contraseña olvidada no se puede recuperar; la clave de recuperación que anotó sirve en su lugar.</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Frase de contraseña o clave de recuperación</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New chat</source>
        <translation>Chat nuevo</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Empezar una conversación nueva (Ctrl+N)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Search all chats (Ctrl+K)</source>
        <translation>Buscar en todos los chats (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivadas</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Vaciar papelera…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Vaciar papelera</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Loaded model and speed</source>
        <translation>Modelo cargado y velocidad</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Deshacer eliminación</translation>
    </message>
    <message>
        <source>Notes indexing progress</source>
        <translation>Progreso del indexado de notas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Chat nuevo</translation>
    </message>
    <message>
        <source>&amp;Add model file…</source>
        <translation>&amp;Añadir archivo de modelo…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>A&amp;justes…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>&amp;Exportar conversación…</translation>
    </message>
    <message>
        <source>Export &amp;all conversations…</source>
        <translation>Exportar &amp;todas las conversaciones…</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>&amp;Importar conversaciones…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>&amp;Detener respuesta</translation>
    </message>
    <message>
        <source>Re&amp;generate answer</source>
        <translation>Re&amp;generar respuesta</translation>
    </message>
    <message>
        <source>&amp;Continue answer</source>
        <translation>&amp;Continuar respuesta</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>&amp;Editar último mensaje</translation>
    </message>
    <message>
        <source>Cop&amp;y last answer</source>
        <translation>Cop&amp;iar última respuesta</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>&amp;Renombrar conversación…</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin conversation</source>
        <translation>&amp;Fijar / desfijar conversación</translation>
    </message>
    <message>
        <source>Arc&amp;hive / unarchive conversation</source>
        <translation>Arc&amp;hivar / desarchivar conversación</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt…</source>
        <translation>Indicación del &amp;sistema…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>E&amp;liminar conversación</translation>
    </message>
    <message>
        <source>Save conversation as &amp;note…</source>
        <translation>Guardar conversación como &amp;nota…</translation>
    </message>
    <message>
        <source>&amp;Answer settings…</source>
        <translation>A&amp;justes de respuesta…</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Notes &amp;folders…</source>
        <translation>&amp;Carpetas de notas…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Write a message</source>
        <translation>&amp;Escribir un mensaje</translation>
    </message>
    <message>
        <source>&amp;Search all chats</source>
        <translation>&amp;Buscar en todos los chats</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Conversación &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>Conversación &amp;siguiente</translation>
    </message>
    <message>
        <source>Show/hide &amp;conversation list</source>
        <translation>Mostrar/ocultar la lista de &amp;conversaciones</translation>
    </message>
    <message>
        <source>&amp;Jump to latest</source>
        <translation>&amp;Ir al final</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>&amp;Privacidad…</translation>
    </message>
    <message>
        <source>&amp;About Cove</source>
        <translation>&amp;Acerca de Cove</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Message copied.</source>
        <translation>Mensaje copiado.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it (Esc).</source>
        <translation>Espere a que termine la respuesta o deténgala (Esc).</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Eliminar mensaje</translation>
    </message>
    <message>
        <source>Delete this message? The messages after it stay in the conversation.</source>
        <translation>¿Eliminar este mensaje? Los mensajes posteriores se quedan en la conversación.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>… {} more characters are not shown here: Copy or export gives the whole message.</source>
        <translation>… {} caracteres más no se muestran aquí: Copiar o exportar da el mensaje completo.</translation>
    </message>
    <message>
        <source>Show all ({} more characters)</source>
        <translation>Mostrar todo ({} caracteres más)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>citada</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>Leyendo su mensaje…</translation>
    </message>
    <message>
        <source>{} / {} tokens</source>
        <translation>{} / {} tokens</translation>
    </message>
    <message>
        <source>Attached: {} · {} tokens</source>
        <translation>Adjunto: {} · {} tokens</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>Copiar Markdown</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Save as note</source>
        <translation>Guardar como nota</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Versión anterior</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Versión siguiente</translation>
    </message>
    <message>
        <source>{} tokens</source>
        <translation>{} tokens</translation>
    </message>
    <message>
        <source>{} tokens/s</source>
        <translation>{} tokens/s</translation>
    </message>
    <message>
        <source>first token in {} s</source>
        <translation>primer token en {} s</translation>
    </message>
    <message>
        <source>prompt {} tokens ({} new)</source>
        <translation>indicación {} tokens ({} nuevos)</translation>
    </message>
    <message>
        <source>drafts accepted {:.0%}</source>
        <translation>borradores aceptados: {:.0%}</translation>
    </message>
    <message>
        <source>{} earlier messages were left out to fit the model&apos;s context.</source>
        <translation>{} mensajes anteriores quedaron fuera para caber en el contexto del modelo.</translation>
    </message>
    <message>
        <source>This answer failed.</source>
        <translation>Esta respuesta falló.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrumpida</translation>
    </message>
</context>
<context>
    <name>ModelImportActions</name>
    <message>
        <source>Add model file</source>
        <translation>Añadir archivo de modelo</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Not a model file</source>
        <translation>No es un archivo de modelo</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Añadiendo {}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Could not add the model</source>
        <translation>No se pudo añadir el modelo</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>No model yet</source>
        <translation>Todavía no hay modelo</translation>
    </message>
    <message>
        <source>No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf file you have.</source>
        <translation>Todavía no hay modelo: abra «Modelos…» para descargar uno o haga clic en «Añadir archivo de modelo…» para usar un archivo .gguf que tenga.</translation>
    </message>
    <message>
        <source>No model yet: click “Add model file…” to use a .gguf file from your administrator (downloads are turned off on this computer).</source>
        <translation>Todavía no hay modelo: haga clic en «Añadir archivo de modelo…» para usar un archivo .gguf de su administrador (las descargas están desactivadas en este equipo).</translation>
    </message>
    <message>
        <source>Ready. Answers come from {}: your messages are sent to it, and the conversation is kept here.</source>
        <translation>Listo. Las respuestas vienen de {}: sus mensajes se envían allí y la conversación se guarda aquí.</translation>
    </message>
    <message>
        <source>Loading {}…</source>
        <translation>Cargando {}…</translation>
    </message>
    <message>
        <source>Ready. Loaded {} in {} s.</source>
        <translation>Listo. {} cargado en {} s.</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>Cuantización</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexto</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Último uso</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>For this computer</source>
        <translation>Para este equipo</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>cabe</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>justo</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>demasiado grande</translation>
    </message>
    <message>
        <source>fast here</source>
        <translation>rápido aquí</translation>
    </message>
    <message>
        <source>usable here</source>
        <translation>usable aquí</translation>
    </message>
    <message>
        <source>slow here</source>
        <translation>lento aquí</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recomendado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>(built-in)</source>
        <translation>(integrado)</translation>
    </message>
</context>
<context>
    <name>ModelsActions</name>
    <message>
        <source>downloading models is turned off</source>
        <translation>la descarga de modelos está desactivada</translation>
    </message>
    <message>
        <source>searching the Hub is turned off</source>
        <translation>la búsqueda en el Hub está desactivada</translation>
    </message>
    <message>
        <source>models come from {}</source>
        <translation>los modelos vienen de {}</translation>
    </message>
    <message>
        <source>only the models your administrator allows will load</source>
        <translation>solo se cargarán los modelos que permita su administrador</translation>
    </message>
    <message>
        <source>shared models are in {}</source>
        <translation>los modelos compartidos están en {}</translation>
    </message>
    <message>
        <source>Set by your administrator: {}.</source>
        <translation>Establecido por su administrador: {}.</translation>
    </message>
    <message>
        <source>Embedding (notes)</source>
        <translation>Incrustación (notas)</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Modelo integrado</translation>
    </message>
    <message>
        <source>The starter model is part of Cove&apos;s installation and cannot be deleted here.</source>
        <translation>El modelo inicial forma parte de la instalación de Cove y no se puede eliminar aquí.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Eliminar modelo</translation>
    </message>
    <message>
        <source>Delete {} ({}) from this computer?</source>
        <translation>¿Eliminar {} ({}) de este equipo?</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>No se pudo eliminar</translation>
    </message>
    <message>
        <source>{} of free memory</source>
        <translation>{} de memoria libre</translation>
    </message>
    <message>
        <source> and {} of free GPU memory ({})</source>
        <translation> y {} de memoria de GPU libre ({})</translation>
    </message>
    <message>
        <source>This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly it would answer. ★ marks the best choice in each family.</source>
        <translation>Este equipo tiene {}. «cabe» deja sitio a otros programas, «justo» puede ralentizar el equipo, «demasiado grande» no funcionará bien; «rápido aquí», «usable aquí» o «lento aquí» indica con qué rapidez respondería. ★ marca la mejor opción de cada familia.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Modelos instalados</translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation>Añadir archivo de modelo…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>Abrir la carpeta que lo contiene</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>Plantilla de chat…</translation>
    </message>
    <message>
        <source>Use your own chat template for the selected model</source>
        <translation>Usar su propia plantilla de chat para el modelo seleccionado</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Instalados</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>Catálogo de modelos</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download selected model</source>
        <translation>Descargar el modelo seleccionado</translation>
    </message>
    <message>
        <source>&lt;b&gt;For your notes: find them by meaning&lt;/b&gt;</source>
        <translation>&lt;b&gt;Para sus notas: encontrarlas por su significado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Embedding models</source>
        <translation>Modelos de incrustación</translation>
    </message>
    <message>
        <source>Download selected embedding model</source>
        <translation>Descargar el modelo de incrustación seleccionado</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Search the Hub for GGUF models, e.g. “mistral 7b instruct”</source>
        <translation>Buscar modelos GGUF en el Hub, p. ej. «mistral 7b instruct»</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Texto de búsqueda</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Waiting for the Hub</source>
        <translation>Esperando al Hub</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting for the Hub</source>
        <translation>Dejar de esperar al Hub</translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation>Repositorios encontrados</translation>
    </message>
    <message>
        <source>Files in the repository</source>
        <translation>Archivos del repositorio</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>Buscar en el Hub</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>Modelo de borrador</translation>
    </message>
    <message>
        <source>Measure speed-up</source>
        <translation>Medir la aceleración</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Downloads continue where they stopped, even after Cove restarts. Each file is checked against the SHA-256 the Hub reports before it can be used.</source>
        <translation>Las descargas continúan donde se detuvieron, incluso después de reiniciar Cove. Cada archivo se comprueba con el SHA-256 que indica el Hub antes de poder usarse.</translation>
    </message>
    <message>
        <source>Mirror address</source>
        <translation>Dirección del espejo</translation>
    </message>
    <message>
        <source>Hub token</source>
        <translation>Token del Hub</translation>
    </message>
    <message>
        <source>Offline: never use the network</source>
        <translation>Sin conexión: no usar nunca la red</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Mirror address:</source>
        <translation>Dirección del espejo:</translation>
    </message>
    <message>
        <source>Hub token (for gated models):</source>
        <translation>Token del Hub (para modelos restringidos):</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy</source>
        <translation>Directiva del administrador</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>saved (type a new one to replace it)</source>
        <translation>guardado (escriba uno nuevo para sustituirlo)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Models come from {}.</source>
        <translation>Los modelos vienen de {}.</translation>
    </message>
    <message>
        <source>nowhere: Cove is offline</source>
        <translation>ningún sitio: Cove está sin conexión</translation>
    </message>
    <message>
        <source>“{}” is not a web address. It should look like https://mirror.example.org</source>
        <translation>«{}» no es una dirección web. Debería ser como https://mirror.example.org</translation>
    </message>
</context>
<context>
    <name>NoteSavingActions</name>
    <message>
        <source>Save selection as note…</source>
        <translation>Guardar la selección como nota…</translation>
    </message>
    <message>
        <source>this answer</source>
        <translation>esta respuesta</translation>
    </message>
    <message>
        <source>the selected text</source>
        <translation>el texto seleccionado</translation>
    </message>
    <message>
        <source>Open a conversation first, then save it as a note.</source>
        <translation>Abra primero una conversación y luego guárdela como nota.</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>esta conversación</translation>
    </message>
    <message>
        <source>Saving notes</source>
        <translation>Guardar notas</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>Guardado en {}</translation>
    </message>
</context>
<context>
    <name>NoteViewerDialog</name>
    <message>
        <source>Note: {}</source>
        <translation>Nota: {}</translation>
    </message>
    <message>
        <source>Cited passage</source>
        <translation>Fragmento citado</translation>
    </message>
    <message>
        <source>Note file</source>
        <translation>Archivo de la nota</translation>
    </message>
    <message>
        <source>Note state</source>
        <translation>Estado de la nota</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Abrir en la aplicación predeterminada</translation>
    </message>
    <message>
        <source>Open the note in its default app</source>
        <translation>Abrir la nota en su aplicación predeterminada</translation>
    </message>
    <message>
        <source>This note has changed since the answer: shown is the passage as it was then.</source>
        <translation>Esta nota ha cambiado desde la respuesta: se muestra el fragmento tal como era entonces.</translation>
    </message>
    <message>
        <source>This note cannot be read now ({}): shown is the passage as it was when the answer was written.</source>
        <translation>Esta nota no se puede leer ahora ({}): se muestra el fragmento tal como era cuando se escribió la respuesta.</translation>
    </message>
    <message>
        <source>This note is no longer there: shown is the passage as it was when the answer was written.</source>
        <translation>Esta nota ya no está: se muestra el fragmento tal como era cuando se escribió la respuesta.</translation>
    </message>
</context>
<context>
    <name>NotesActions</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Set by your administrator: notes folders must be inside {}.</source>
        <translation>Establecido por su administrador: las carpetas de notas deben estar dentro de {}.</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Añadir una carpeta de notas</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Añadiendo {}…</translation>
    </message>
    <message>
        <source>Remove notes folder</source>
        <translation>Quitar carpeta de notas</translation>
    </message>
    <message>
        <source>Remove {} from your notes?

Cove forgets what it read there; the files themselves are untouched.</source>
        <translation>¿Quitar {} de sus notas?

Cove olvida lo que leyó allí; los archivos no se tocan.</translation>
    </message>
    <message>
        <source>Files that could not be read ({}): they are skipped; the rest of the folder is indexed.</source>
        <translation>Archivos que no se pudieron leer ({}): se omiten; el resto de la carpeta se indexa.</translation>
    </message>
    <message>
        <source>Notes indexing paused {}%</source>
        <translation>Indexado de notas en pausa {}%</translation>
    </message>
    <message>
        <source>Indexing notes {}%</source>
        <translation>Indexando notas {}%</translation>
    </message>
    <message>
        <source>Paused: </source>
        <translation>En pausa: </translation>
    </message>
    <message>
        <source>Indexing </source>
        <translation>Indexando </translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>En pausa.</translation>
    </message>
    <message>
        <source>Looking for changes in your notes folders…</source>
        <translation>Buscando cambios en sus carpetas de notas…</translation>
    </message>
    <message>
        <source>Meaning search is off for now: {}</source>
        <translation>La búsqueda por significado está desactivada por ahora: {}</translation>
    </message>
    <message>
        <source>Meaning search: finding what each passage means, {} of {}…</source>
        <translation>Búsqueda por significado: analizando qué significa cada fragmento, {} de {}…</translation>
    </message>
    <message>
        <source>Search finds the passages that use your words. Download an embedding model (Models…, “For your notes”) to also find those that say the same in other words: “what did I pay the plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else.</source>
        <translation>La búsqueda encuentra los fragmentos que usan sus palabras. Descargue un modelo de incrustación (Modelos…, «Para sus notas») para encontrar también los que dicen lo mismo con otras palabras: «¿cuánto le pagué al fontanero?» encuentra entonces «factura: reparación de la caldera». Se ejecuta en este equipo, como todo lo demás.</translation>
    </message>
    <message>
        <source>Meaning search is on ({}): passages are found by what they mean as well as by their words.</source>
        <translation>La búsqueda por significado está activada ({}): los fragmentos se encuentran por lo que significan además de por sus palabras.</translation>
    </message>
</context>
<context>
    <name>NotesChatActions</name>
    <message>
        <source>Answering from your notes</source>
        <translation>Respondiendo a partir de sus notas</translation>
    </message>
    <message>
        <source>Answer from your notes folders and cite them. There are no notes folders yet: click to add one.</source>
        <translation>Responder a partir de sus carpetas de notas y citarlas. Todavía no hay carpetas de notas: haga clic para añadir una.</translation>
    </message>
    <message>
        <source>Answer from your notes folders, citing the passages used as [1], [2]. Remembered for this conversation.</source>
        <translation>Responder a partir de sus carpetas de notas, citando los fragmentos usados como [1], [2]. Se recuerda para esta conversación.</translation>
    </message>
    <message>
        <source>Cove could not save this choice ({}). Try again in a moment.</source>
        <translation>Cove no pudo guardar esta elección ({}). Inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>No notes folders yet</source>
        <translation>Todavía no hay carpetas de notas</translation>
    </message>
    <message>
        <source>Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads it, unless you save a note there. Add a notes folder now?</source>
        <translation>Cove necesita una carpeta de notas para esto (Markdown, texto, PDF, Word o HTML). Solo la lee, salvo que guarde una nota en ella. ¿Añadir ahora una carpeta de notas?</translation>
    </message>
    <message>
        <source>This answer does not use them.</source>
        <translation>Esta respuesta no las usa.</translation>
    </message>
    <message>
        <source>Your notes could not be used for this answer ({}).</source>
        <translation>No se pudieron usar sus notas para esta respuesta ({}).</translation>
    </message>
    <message>
        <source>Meaning search is off for now ({}); your notes were searched by their words.</source>
        <translation>La búsqueda por significado está desactivada por ahora ({}); sus notas se buscaron por sus palabras.</translation>
    </message>
    <message>
        <source>The passages could not be stored ({}), so this answer does not use your notes.</source>
        <translation>No se pudieron guardar los fragmentos ({}), así que esta respuesta no usa sus notas.</translation>
    </message>
    <message>
        <source>Your notes could not be searched ({}). The answer does not use them.</source>
        <translation>No se pudieron buscar sus notas ({}). La respuesta no las usa.</translation>
    </message>
    <message>
        <source>No notes folders yet, so this answer does not use your notes. Add one in Notes.</source>
        <translation>Todavía no hay carpetas de notas, así que esta respuesta no usa sus notas. Añada una en Notas.</translation>
    </message>
    <message>
        <source>Nothing in your notes matches this question, so the answer does not use them.</source>
        <translation>Nada en sus notas coincide con esta pregunta, así que la respuesta no las usa.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Notes folders</source>
        <translation>Carpetas de notas</translation>
    </message>
    <message>
        <source>Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only reads them and keeps its index on this computer; changes are picked up while Cove runs.</source>
        <translation>Cove responde a partir de las notas de estas carpetas: archivos Markdown, de texto, PDF, Word y HTML. Solo las lee y guarda su índice en este equipo; los cambios se recogen mientras Cove está abierto.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Añadir una carpeta de notas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected notes folder</source>
        <translation>Quitar la carpeta de notas seleccionada</translation>
    </message>
    <message>
        <source>Forget this folder; its files are not touched</source>
        <translation>Olvidar esta carpeta; sus archivos no se tocan</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progreso del indexado</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Pausar el indexado</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Reanudar el indexado</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Cancelar el indexado</translation>
    </message>
    <message>
        <source>Stop this pass; what is indexed so far is kept</source>
        <translation>Detener esta pasada; se conserva lo indexado hasta ahora</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>Archivos que no se pudieron leer</translation>
    </message>
    <message>
        <source>Search finds passages with your words. Meaning search, which also finds passages that say the same in other words, comes with an embedding model.</source>
        <translation>La búsqueda encuentra fragmentos con sus palabras. La búsqueda por significado, que también encuentra fragmentos que dicen lo mismo con otras palabras, llega con un modelo de incrustación.</translation>
    </message>
</context>
<context>
    <name>NotesFolderModel</name>
    <message>
        <source>{} of {} · {}</source>
        <translation>{} de {} · {}</translation>
    </message>
    <message>
        <source> · about {} left</source>
        <translation> · quedan unos {}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Searching is turned off by your administrator.</source>
        <translation>Su administrador ha desactivado la búsqueda.</translation>
    </message>
    <message>
        <source>Downloads are turned off by your administrator.</source>
        <translation>Su administrador ha desactivado las descargas.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your conversations are stored only on this computer: no account, no telemetry, no cloud. Cove uses the network only when you ask it to, and only for these requests (to the model Hub, the mirror in use, or a remote server you added):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Hub address in use: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sus conversaciones se guardan solo en este equipo: sin cuenta, sin telemetría, sin nube. Cove usa la red solo cuando usted se lo pide, y solo para estas solicitudes (al Hub de modelos, al espejo en uso o a un servidor remoto que haya añadido):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Dirección del Hub en uso: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cove is offline: it makes no network requests at all.</source>
        <translation>Cove está sin conexión: no hace ninguna solicitud de red.</translation>
    </message>
    <message>
        <source>Cove is online: the requests above are made when you use them. Turn on offline mode in Settings › Privacy to make none.</source>
        <translation>Cove está conectado: las solicitudes de arriba se hacen cuando las usa. Active el modo sin conexión en Ajustes › Privacidad para no hacer ninguna.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Network requests made</source>
        <translation>Solicitudes de red realizadas</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir la carpeta del registro</translation>
    </message>
    <message>
        <source>Requests Cove made ({}), newest first. The log is {}.</source>
        <translation>Solicitudes que hizo Cove ({}), las más recientes primero. El registro es {}.</translation>
    </message>
    <message>
        <source>Cove has made no network requests (log: {}).</source>
        <translation>Cove no ha hecho ninguna solicitud de red (registro: {}).</translation>
    </message>
</context>
<context>
    <name>RemoteServersActions</name>
    <message>
        <source>  (set by your administrator)</source>
        <translation>  (establecido por su administrador)</translation>
    </message>
    <message>
        <source>  · key stored</source>
        <translation>  · clave guardada</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>Paquete de CA (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Asking {} for its models…</source>
        <translation>Preguntando a {} por sus modelos…</translation>
    </message>
    <message>
        <source>The key could not be stored ({}).</source>
        <translation>No se pudo guardar la clave ({}).</translation>
    </message>
    <message>
        <source>Added {}: {} models ({}). They are in the model picker, marked “on {}”.</source>
        <translation>Se añadió {}: {} modelos ({}). Están en el selector de modelos, marcados «en {}».</translation>
    </message>
    <message>
        <source>Removed {} and its stored key.</source>
        <translation>Se quitó {} y su clave guardada.</translation>
    </message>
</context>
<context>
    <name>RemoteServersTab</name>
    <message>
        <source>Servers that run models for Cove: vLLM, llama.cpp&apos;s llama-server, Ollama, or another Cove. Their models appear in the model picker, marked with the server&apos;s name. When you chat with one, your messages are sent to that server; the conversation is stored only on this computer.</source>
        <translation>Servidores que ejecutan modelos para Cove: vLLM, llama-server de llama.cpp, Ollama u otro Cove. Sus modelos aparecen en el selector de modelos, marcados con el nombre del servidor. Cuando conversa con uno, sus mensajes se envían a ese servidor; la conversación se guarda solo en este equipo.</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Servidores remotos</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Quitar servidor</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>optional: for an on-prem certificate</source>
        <translation>opcional: para un certificado propio de la empresa</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Paquete de CA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Añadir servidor</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aleatoria</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Lower: focused and predictable. Higher: more varied and inventive.</source>
        <translation>Más baja: centrada y previsible. Más alta: más variada e imaginativa.</translation>
    </message>
    <message>
        <source>How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits conversation; above 1 wanders.</source>
        <translation>Con cuánta libertad se elige la palabra siguiente. 0 toma siempre la más probable; en torno a 0,7 va bien para conversar; por encima de 1 divaga.</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Picks only among the likeliest words that together make up this share (1 = all).</source>
        <translation>Elige solo entre las palabras más probables que juntas suman esta proporción (1 = todas).</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Picks only among this many likeliest words.</source>
        <translation>Elige solo entre esta cantidad de palabras más probables.</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Leaves out words less likely than this share of the likeliest one (0 = off).</source>
        <translation>Descarta las palabras menos probables que esta proporción de la más probable (0 = desactivado).</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Penalización por repetición</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words (1 = off).</source>
        <translation>Por encima de 1 desalienta repetir las mismas palabras (1 = desactivado).</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Respuesta más larga (tokens)</translation>
    </message>
    <message>
        <source>An answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>Una respuesta se detiene tras esta cantidad de tokens (un token es unos ¾ de palabra).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Random: a new answer each time. A number: the same question gets the same answer.</source>
        <translation>Aleatoria: una respuesta nueva cada vez. Un número: la misma pregunta obtiene la misma respuesta.</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <source>Save as note</source>
        <translation>Guardar como nota</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Título de la nota</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meeting, budget</source>
        <translation>Separadas por comas, p. ej. reunión, presupuesto</translation>
    </message>
    <message>
        <source>Notes folder</source>
        <translation>Carpeta de notas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>None: the text as it is</source>
        <translation>Ninguna: el texto tal cual</translation>
    </message>
    <message>
        <source>Why the note was not saved</source>
        <translation>Por qué no se guardó la nota</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Etiquetas:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Plantilla:</translation>
    </message>
    <message>
        <source>Saves {} as a Markdown file in your notes folder; it is searchable at once.</source>
        <translation>Guarda {} como archivo Markdown en su carpeta de notas; se puede buscar enseguida.</translation>
    </message>
    <message>
        <source>Folder for the note</source>
        <translation>Carpeta para la nota</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Search failed ({}).</source>
        <translation>La búsqueda falló ({}).</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>No se encontró nada.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Let other programs on this computer (an editor, a script) use your models through the OpenAI API, as the cove serve command does. Your conversations stay here; requests are written to the request log without their content.</source>
        <translation>Permita que otros programas de este equipo (un editor, un script) usen sus modelos mediante la API de OpenAI, como hace el comando cove serve. Sus conversaciones se quedan aquí; las solicitudes se anotan en el registro de solicitudes sin su contenido.</translation>
    </message>
    <message>
        <source>Serve my models to other programs</source>
        <translation>Servir mis modelos a otros programas</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Solo este equipo</translation>
    </message>
    <message>
        <source>Other computers on the network (needs the key)</source>
        <translation>Otros equipos de la red (requiere la clave)</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Quién puede conectarse</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Crear clave nueva</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Modelos servidos</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only this once. It is stored in {}, readable by you only.</source>
        <translation>Copie la clave ahora: solo se muestra esta vez. Está guardada en {}, y solo usted puede leerla.</translation>
    </message>
    <message>
        <source>stored in {}</source>
        <translation>guardada en {}</translation>
    </message>
    <message>
        <source>none needed on this computer only</source>
        <translation>no hace falta si es solo este equipo</translation>
    </message>
    <message>
        <source>Other computers must send the key (Authorization: Bearer KEY).</source>
        <translation>Los otros equipos deben enviar la clave (Authorization: Bearer CLAVE).</translation>
    </message>
    <message>
        <source>no models yet: download one in Models</source>
        <translation>aún no hay modelos: descargue uno en Modelos</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Serving at {}/v1</source>
        <translation>Sirviendo en {}/v1</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Servidor detenido.</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>Processor</source>
        <translation>Procesador</translation>
    </message>
    <message>
        <source>{} · {} cores ({} threads) · {} memory ({} free)</source>
        <translation>{} · {} núcleos ({} hilos) · {} de memoria ({} libres)</translation>
    </message>
    <message>
        <source>{} · {} cores · {} memory ({} free)</source>
        <translation>{} · {} núcleos · {} de memoria ({} libres)</translation>
    </message>
    <message>
        <source>GPU: {} (this build cannot offload to it)</source>
        <translation>GPU: {} (esta compilación no puede descargar trabajo en ella)</translation>
    </message>
    <message>
        <source>GPU: {}</source>
        <translation>GPU: {}</translation>
    </message>
    <message>
        <source>GPU: none used (this llama.cpp build runs models on the processor)</source>
        <translation>GPU: no se usa ninguna (esta compilación de llama.cpp ejecuta los modelos en el procesador)</translation>
    </message>
    <message>
        <source>Load a model to see the accelerations llama.cpp uses and how it runs the model.</source>
        <translation>Cargue un modelo para ver las aceleraciones que usa llama.cpp y cómo ejecuta el modelo.</translation>
    </message>
    <message>
        <source>Accelerations: {}</source>
        <translation>Aceleraciones: {}</translation>
    </message>
    <message>
        <source>none beyond the basics</source>
        <translation>ninguna aparte de las básicas</translation>
    </message>
    <message>
        <source>all layers on the GPU</source>
        <translation>todas las capas en la GPU</translation>
    </message>
    <message>
        <source>{} layers on the GPU</source>
        <translation>{} capas en la GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>solo CPU</translation>
    </message>
    <message>
        <source>Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, {} for reading · flash attention {} · KV cache {}</source>
        <translation>En uso: llama.cpp {} · {} · contexto de {} tokens · {} hilos para responder, {} para leer · flash attention {} · caché KV {}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activada</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>Encryption and passphrase…</source>
        <translation>Cifrado y frase de contraseña…</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Plantilla de chat</translation>
    </message>
    <message>
        <source>Jinja chat template for {} (leave empty to use the one in the file):</source>
        <translation>Plantilla de chat Jinja para {} (déjela vacía para usar la del archivo):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>How every model writes its answers, unless a model or a conversation has its own settings (Chat › Answer settings).</source>
        <translation>Cómo escribe sus respuestas cada modelo, salvo que un modelo o una conversación tenga sus propios ajustes (Chat › Ajustes de respuesta).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>f16 (best quality)</source>
        <translation>f16 (mejor calidad)</translation>
    </message>
    <message>
        <source>q8_0 (half the memory; rewrites sooner)</source>
        <translation>q8_0 (la mitad de memoria; reescrituras más rápidas)</translation>
    </message>
    <message>
        <source>q4_0 (a quarter)</source>
        <translation>q4_0 (una cuarta parte)</translation>
    </message>
    <message>
        <source>leave out the oldest messages</source>
        <translation>dejar fuera los mensajes más antiguos</translation>
    </message>
    <message>
        <source>stop and tell me</source>
        <translation>detenerse y avisarme</translation>
    </message>
    <message>
        <source>Read my message while I type (faster first word)</source>
        <translation>Leer mi mensaje mientras escribo (primera palabra más rápida)</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>Tamaño del contexto (tokens)</translation>
    </message>
    <message>
        <source>Threads for answers</source>
        <translation>Hilos para responder</translation>
    </message>
    <message>
        <source>Threads for reading prompts</source>
        <translation>Hilos para leer indicaciones</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>Capas en GPU</translation>
    </message>
    <message>
        <source>Flash attention</source>
        <translation>Flash attention</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>Tipo de caché KV</translation>
    </message>
    <message>
        <source>When a chat outgrows the context</source>
        <translation>Cuando un chat supera el contexto</translation>
    </message>
    <message>
        <source>Saved conversation states</source>
        <translation>Estados de conversación guardados</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Empty the trash of chats deleted more than</source>
        <translation>Vaciar de la papelera los chats eliminados hace más de</translation>
    </message>
    <message>
        <source>Daily backups of the conversations to keep</source>
        <translation>Copias de seguridad diarias de las conversaciones que conservar</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>tamaño del sistema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Conversation text size</source>
        <translation>Tamaño del texto de la conversación</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Applies when Cove restarts</source>
        <translation>Se aplica al reiniciar Cove</translation>
    </message>
    <message>
        <source>Offline: never use the network, not even for model search and downloads</source>
        <translation>Sin conexión: no usar nunca la red, ni siquiera para buscar y descargar modelos</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. The network is used only when you search for or download a model (from the Hugging Face Hub, or the mirror set in Models › Network), and when you chat with a model of a remote server (Settings › Remote servers): your messages then go to that server.</source>
        <translation>Sus conversaciones nunca salen de este equipo: Cove no tiene cuenta, ni telemetría, ni nube. La red solo se usa cuando busca o descarga un modelo (del Hub de Hugging Face o del espejo indicado en Modelos › Red) y cuando conversa con un modelo de un servidor remoto (Ajustes › Servidores remotos): sus mensajes van entonces a ese servidor.</translation>
    </message>
    <message>
        <source>Encrypt my conversations…</source>
        <translation>Cifrar mis conversaciones…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>Bloquear tras inactividad de:</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>Eliminar todos mis datos…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Eliminar todos mis datos</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Servidores remotos</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidad</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Set by your administrator ({}):</source>
        <translation>Establecido por su administrador ({}):</translation>
    </message>
    <message>
        <source>Model downloads: {}</source>
        <translation>Descarga de modelos: {}</translation>
    </message>
    <message>
        <source>Hub search: {}</source>
        <translation>Búsqueda en el Hub: {}</translation>
    </message>
    <message>
        <source>Exporting conversations: {}</source>
        <translation>Exportar conversaciones: {}</translation>
    </message>
    <message>
        <source>Models come only from: {}</source>
        <translation>Los modelos vienen solo de: {}</translation>
    </message>
    <message>
        <source>Allowed models: {}</source>
        <translation>Modelos permitidos: {}</translation>
    </message>
    <message>
        <source>Conversations are deleted after {} days without activity</source>
        <translation>Las conversaciones se eliminan tras {} días sin actividad</translation>
    </message>
    <message>
        <source>Only an administrator can change these.</source>
        <translation>Solo un administrador puede cambiar esto.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Could not save settings to {} ({}).</source>
        <translation>No se pudieron guardar los ajustes en {} ({}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Línea nueva en el mensaje</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel editing a message</source>
        <translation>Detener la respuesta o cancelar la edición de un mensaje</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Moverse entre controles</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>Renombrar la conversación seleccionada</translation>
    </message>
    <message>
        <source>Move the selected conversation to the trash</source>
        <translation>Mover la conversación seleccionada a la papelera</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>Your computer is busy: answers are slower</source>
        <translation>Su equipo está ocupado: las respuestas van más lentas</translation>
    </message>
    <message>
        <source>Other programs are using most of the processor, so this answer comes slower than usual. Closing them speeds it up.</source>
        <translation>Otros programas están usando casi todo el procesador, así que esta respuesta llega más despacio de lo habitual. Cerrarlos la acelera.</translation>
    </message>
    <message>
        <source>{} tok/s</source>
        <translation>{} tok/s</translation>
    </message>
    <message>
        <source>context {} / {} tokens</source>
        <translation>contexto {} / {} tokens</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>Indicación del sistema</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>System prompt text</source>
        <translation>Texto de la indicación del sistema</translation>
    </message>
    <message>
        <source>No system prompt: the model&apos;s own default applies.</source>
        <translation>Sin indicación del sistema: se aplica la predeterminada del modelo.</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Guardar como preajuste…</translation>
    </message>
    <message>
        <source>Update preset</source>
        <translation>Actualizar preajuste</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Eliminar preajuste</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Preajuste:</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation:</source>
        <translation>Instrucciones que el modelo sigue en esta conversación:</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personalizada)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Guardar como preajuste</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nombre del preajuste:</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Conversation transcript</source>
        <translation>Transcripción de la conversación</translation>
    </message>
    <message>
        <source>Type a message below to start.</source>
        <translation>Escriba un mensaje abajo para empezar.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Show {} earlier messages</source>
        <translation>Mostrar {} mensajes anteriores</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About Cove</source>
        <translation>Acerca de Cove</translation>
    </message>
    <message>
        <source>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;A private chat assistant that runs open models on this computer.&lt;br&gt;Your conversations stay on this computer. Cove sends nothing except the requests listed on the Privacy page, which you start: model search and downloads from the Hub.</source>
        <translation>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;Un asistente de chat privado que ejecuta modelos abiertos en este equipo.&lt;br&gt;Sus conversaciones se quedan en este equipo. Cove no envía nada salvo las solicitudes que aparecen en la página de Privacidad, que usted inicia: la búsqueda y descarga de modelos del Hub.</translation>
    </message>
</context>
</TS>
