<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name></name>
    <message>
        <source>Welcome to Cove</source>
        <translation>Bienvenue dans Cove</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Commencer</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>Commencer à discuter</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer. Cove has no account, no cloud and no telemetry; it uses the network only when you download a model.</source>
        <translation>Tout ce que vous écrivez reste sur cet ordinateur. Cove n&apos;a ni compte, ni cloud, ni télémétrie ; il n&apos;utilise le réseau que lorsque vous téléchargez un modèle.</translation>
    </message>
    <message>
        <source>Your conversations are stored only on this computer. Cove has no account, no cloud and no telemetry; the model picked runs on a remote server, so your messages are sent to it.</source>
        <translation>Vos conversations sont enregistrées uniquement sur cet ordinateur. Cove n&apos;a ni compte, ni cloud, ni télémétrie ; le modèle choisi s&apos;exécute sur un serveur distant, vos messages lui sont donc envoyés.</translation>
    </message>
    <message>
        <source>{} is ready.</source>
        <translation>{} est prêt.</translation>
    </message>
    <message>
        <source>The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for short, simple questions, but it makes mistakes and misses instructions.</source>
        <translation>Le {} intégré ({}) fonctionne hors ligne : vous pouvez essayer Cove tout de suite. Il est très petit : bien pour des questions courtes et simples, mais il fait des erreurs et oublie des consignes.</translation>
    </message>
    <message>
        <source>Add a .gguf file you have</source>
        <translation>Ajouter un fichier .gguf que vous avez</translation>
    </message>
    <message>
        <source>There is no model yet.</source>
        <translation>Il n&apos;y a pas encore de modèle.</translation>
    </message>
    <message>
        <source>Cove speaks {}. To change its language, open Settings › Appearance › Language; the change applies when Cove restarts.</source>
        <translation>Cove parle {}. Pour changer de langue, ouvrez Paramètres › Apparence › Langue ; le changement s&apos;applique au redémarrage de Cove.</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>Téléchargement de modèles</translation>
    </message>
    <message>
        <source>A better model for this computer</source>
        <translation>Un meilleur modèle pour cet ordinateur</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Voir tous les modèles</translation>
    </message>
    <message>
        <source>Looking at this computer&apos;s memory…</source>
        <translation>Examen de la mémoire de cet ordinateur…</translation>
    </message>
    <message>
        <source>None of the recommended models would fit and answer quickly on this computer: the built-in model is the one that runs well here.</source>
        <translation>Aucun des modèles recommandés ne tiendrait et ne répondrait vite sur cet ordinateur : le modèle intégré est celui qui fonctionne bien ici.</translation>
    </message>
    <message>
        <source>Download {} ({})</source>
        <translation>Télécharger {} ({})</translation>
    </message>
    <message>
        <source>Downloads once from Hugging Face ({} build), then works offline like the built-in model.</source>
        <translation>Téléchargé une fois depuis Hugging Face (version {}), puis fonctionne hors ligne comme le modèle intégré.</translation>
    </message>
    <message>
        <source>Show or hide the conversation list</source>
        <translation>Afficher ou masquer la liste des conversations</translation>
    </message>
    <message>
        <source>Show or hide the conversation list (Ctrl+B)</source>
        <translation>Afficher ou masquer la liste des conversations (Ctrl+B)</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Invite système…</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>Invite système de cette conversation</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Consignes que le modèle suit dans cette conversation</translation>
    </message>
    <message>
        <source>Use my notes</source>
        <translation>Utiliser mes notes</translation>
    </message>
    <message>
        <source>Use my notes in this conversation</source>
        <translation>Utiliser mes notes dans cette conversation</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>Modèles…</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>Ouvrir la bibliothèque de modèles</translation>
    </message>
    <message>
        <source>Installed models, recommended models, Hub search and downloads (Ctrl+M)</source>
        <translation>Modèles installés, modèles recommandés, recherche sur le Hub et téléchargements (Ctrl+M)</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Ajouter un fichier…</translation>
    </message>
    <message>
        <source>Add model file</source>
        <translation>Ajouter un fichier de modèle</translation>
    </message>
    <message>
        <source>Add a model file: copy a .gguf file into Cove&apos;s models folder</source>
        <translation>Ajouter un fichier de modèle : copier un fichier .gguf dans le dossier des modèles de Cove</translation>
    </message>
</context>
<context>
    <name>AnswerSession</name>
    <message>
        <source>Your message could not be saved ({}), so it was not sent. It is still in the box: try again in a moment.</source>
        <translation>Votre message n&apos;a pas pu être enregistré ({}), il n&apos;a donc pas été envoyé. Il est toujours dans la zone de saisie : réessayez dans un instant.</translation>
    </message>
    <message>
        <source>A remote model cannot carry on a stopped answer where it ended: regenerate it instead (a new version, beside this one).</source>
        <translation>Un modèle distant ne peut pas reprendre une réponse arrêtée là où elle s&apos;est terminée : régénérez-la plutôt (une nouvelle version, à côté de celle-ci).</translation>
    </message>
    <message>
        <source>Add a model first: click “Add model file…”.</source>
        <translation>Ajoutez d&apos;abord un modèle : cliquez sur « Ajouter un fichier de modèle… ».</translation>
    </message>
    <message>
        <source>Cove could not write to its database ({}).</source>
        <translation>Cove n&apos;a pas pu écrire dans sa base de données ({}).</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Génération… (Échap pour arrêter)</translation>
    </message>
    <message>
        <source>Looking in your notes… (Esc to stop)</source>
        <translation>Recherche dans vos notes… (Échap pour arrêter)</translation>
    </message>
    <message>
        <source>Stopped. What was written is saved.</source>
        <translation>Arrêté. Ce qui a été écrit est enregistré.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>The answer reached the length limit.</source>
        <translation>La réponse a atteint la longueur maximale.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Prêt.</translation>
    </message>
    <message>
        <source>The answer could not be saved ({}). It stays on screen; copy what you need before closing.</source>
        <translation>La réponse n&apos;a pas pu être enregistrée ({}). Elle reste à l&apos;écran ; copiez ce dont vous avez besoin avant de fermer.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Files cannot be attached here: this conversation is in the trash. Restore it first, or start a new chat.</source>
        <translation>Impossible de joindre des fichiers ici : cette conversation est dans la corbeille. Restaurez-la d&apos;abord, ou commencez une nouvelle discussion.</translation>
    </message>
    <message>
        <source>“{}” is already attached.</source>
        <translation>« {} » est déjà joint.</translation>
    </message>
    <message>
        <source>use a model with a larger context, or raise “Context size” in Settings</source>
        <translation>utilisez un modèle avec un contexte plus grand, ou augmentez « Taille du contexte » dans les Paramètres</translation>
    </message>
    <message>
        <source>This message with its files takes about {} tokens, too many for the model&apos;s context of {} tokens (with {} left for the answer), so it cannot be answered. Remove a file or attach a shorter part of it, or {}.</source>
        <translation>Ce message et ses fichiers font environ {} jetons, trop pour le contexte du modèle de {} jetons (dont {} réservés à la réponse) : il ne peut donc pas recevoir de réponse. Retirez un fichier ou joignez-en une partie plus courte, ou {}.</translation>
    </message>
    <message>
        <source>it would not be answered (Settings: “When a chat outgrows the context” is “stop and tell me”)</source>
        <translation>il ne recevrait pas de réponse (Paramètres : « Quand une discussion dépasse le contexte » vaut « arrêter et me prévenir »)</translation>
    </message>
    <message>
        <source>the oldest messages will be left out of what the model reads</source>
        <translation>les messages les plus anciens ne seront plus lus par le modèle</translation>
    </message>
    <message>
        <source>With these files the conversation takes about {} tokens, more than the model&apos;s context of {} tokens (with {} left for the answer): {}. Remove a file or start a new chat for it, or {}.</source>
        <translation>Avec ces fichiers, la conversation fait environ {} jetons, plus que le contexte du modèle de {} jetons (dont {} réservés à la réponse) : {}. Retirez un fichier ou commencez une nouvelle discussion pour lui, ou {}.</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Attachment warning</source>
        <translation>Avertissement sur les pièces jointes</translation>
    </message>
    <message>
        <source> and {} more</source>
        <translation> et {} de plus</translation>
    </message>
    <message>
        <source>Reading {}…</source>
        <translation>Lecture de {}…</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {}</source>
        <translation>Retirer {}</translation>
    </message>
    <message>
        <source>Remove {} from this message</source>
        <translation>Retirer {} de ce message</translation>
    </message>
    <message>
        <source>{} · {} tokens</source>
        <translation>{} · {} jetons</translation>
    </message>
    <message>
        <source>{}: {}, {} tokens{}</source>
        <translation>{} : {}, {} jetons{}</translation>
    </message>
    <message>
        <source> (an estimate until the model has counted them)</source>
        <translation> (une estimation tant que le modèle ne les a pas comptés)</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer.
Type a message below to start.</source>
        <translation>Tout ce que vous écrivez reste sur cet ordinateur.
Écrivez un message ci-dessous pour commencer.</translation>
    </message>
    <message>
        <source>This conversation is in the trash. Restore it to write in it.</source>
        <translation>Cette conversation est dans la corbeille. Restaurez-la pour y écrire.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Cove…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>Message à Cove…  (Entrée pour envoyer, Maj+Entrée pour une nouvelle ligne)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Attach text or Markdown files</source>
        <translation>Joindre des fichiers texte ou Markdown</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it as a new version (the old one is kept). Esc cancels.</source>
        <translation>Modification d&apos;un message : Entrée l&apos;envoie comme nouvelle version (l&apos;ancienne est conservée). Échap annule.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>Supprimer définitivement…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Désépingler</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Épingler</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Désarchiver</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Invite système…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Moved “{}” to the archive.</source>
        <translation>« {} » déplacée dans les archives.</translation>
    </message>
    <message>
        <source>Moved “{}” back to the chats.</source>
        <translation>« {} » remise dans les discussions.</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Consignes que le modèle suit dans cette conversation</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personnalisée</translation>
    </message>
    <message>
        <source>System prompt: {}</source>
        <translation>Invite système : {}</translation>
    </message>
    <message>
        <source>Moved “{}” to the trash.</source>
        <translation>« {} » déplacée dans la corbeille.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restaurée.</translation>
    </message>
    <message>
        <source>Restored “{}” to the chats.</source>
        <translation>« {} » restaurée dans les discussions.</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <source>Delete “{}” and all its messages for good? This cannot be undone.</source>
        <translation>Supprimer définitivement « {} » et tous ses messages ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>Delete the {} conversations in the trash for good? This cannot be undone.</source>
        <translation>Supprimer définitivement les {} conversations de la corbeille ? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Épinglées</translation>
    </message>
    <message>
        <source>Pinned: </source>
        <translation>Épinglée : </translation>
    </message>
</context>
<context>
    <name>DataDeletionActions</name>
    <message>
        <source>Delete all my data</source>
        <translation>Supprimer toutes mes données</translation>
    </message>
    <message>
        <source>Also delete downloaded models ({})</source>
        <translation>Supprimer aussi les modèles téléchargés ({})</translation>
    </message>
    <message>
        <source>This deletes, and cannot be undone:</source>
        <translation>Ceci supprime, de façon irréversible :</translation>
    </message>
    <message>
        <source>Settings are kept. Export conversations you want to keep first.</source>
        <translation>Les paramètres sont conservés. Exportez d&apos;abord les conversations que vous voulez garder.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>Supprimé :</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>connexion…</translation>
    </message>
    <message>
        <source>failed: {} — {}</source>
        <translation>échec : {} — {}</translation>
    </message>
    <message>
        <source>{}% of {}</source>
        <translation>{} % de {}</translation>
    </message>
    <message>
        <source>asking the Hub for the file…</source>
        <translation>demande du fichier au Hub…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>pas commencé</translation>
    </message>
</context>
<context>
    <name>DraftDetails</name>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
    </message>
    <message>
        <source>Draft model: {} (drafts the next words; the answer stays the same)</source>
        <translation>Modèle d’ébauche : {} (propose les mots suivants ; la réponse reste la même)</translation>
    </message>
    <message>
        <source>Speed-up here: not measured yet.</source>
        <translation>Accélération ici : pas encore mesurée.</translation>
    </message>
    <message>
        <source>Speed-up here: none with the current engine settings (drafts are checked with a q8_0 KV cache, or with flash attention on and one generation thread).</source>
        <translation>Accélération ici : aucune avec les réglages actuels du moteur (les ébauches sont vérifiées avec un cache KV q8_0, ou avec flash attention activée et un seul thread de génération).</translation>
    </message>
    <message>
        <source>Speed-up here: {:.2f}× ({:.0%} of drafts accepted).</source>
        <translation>Accélération ici : {:.2f}× ({:.0%} des ébauches acceptées).</translation>
    </message>
    <message>
        <source>Measuring the speed-up (about a minute)…</source>
        <translation>Mesure de l’accélération (environ une minute)…</translation>
    </message>
    <message>
        <source>Could not measure the speed-up: {}</source>
        <translation>Impossible de mesurer l’accélération : {}</translation>
    </message>
</context>
<context>
    <name>EmbeddingCatalog</name>
    <message>
        <source>Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, so the model picker does not offer it.</source>
        <translation>Trouvez vos notes par leur sens, pas seulement par leurs mots : demandez « quand est le dentiste ? » et Cove trouve aussi la note qui dit « rendez-vous avec la Dre Reyes mardi ». Un modèle d&apos;embedding s&apos;en charge sur cet ordinateur, à côté du modèle de discussion, avec peu de mémoire ; vos notes n&apos;en sortent jamais. Il ne sait pas discuter, le sélecteur de modèles ne le propose donc pas.</translation>
    </message>
    <message>
        <source>In use for your notes: {}.</source>
        <translation>Utilisé pour vos notes : {}.</translation>
    </message>
    <message>
        <source>None installed: notes are found by their words only. Download one to find them by meaning too.</source>
        <translation>Aucun installé : les notes sont trouvées par leurs mots seulement. Téléchargez-en un pour les trouver aussi par leur sens.</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt my conversations</source>
        <translation>Chiffrer mes conversations</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nouvelle phrase secrète (confirmation)</translation>
    </message>
    <message>
        <source>Also keep the key in this computer&apos;s keyring (unlock when I log in)</source>
        <translation>Garder aussi la clé dans le trousseau de cet ordinateur (déverrouiller à l&apos;ouverture de session)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Confirmation :</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Désactiver le chiffrement…</translation>
    </message>
    <message>
        <source>Your conversations, their backups, the notes index and the engine&apos;s saved states are encrypted on disk. Change the passphrase below.</source>
        <translation>Vos conversations, leurs sauvegardes, l&apos;index des notes et les états enregistrés du moteur sont chiffrés sur le disque. Changez la phrase secrète ci-dessous.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase secrète</translation>
    </message>
    <message>
        <source>Your conversations are stored unencrypted. Encrypting them protects them if this computer, its disk or a backup of it gets into other hands.</source>
        <translation>Vos conversations sont enregistrées sans chiffrement. Les chiffrer les protège si cet ordinateur, son disque ou une sauvegarde tombe entre d&apos;autres mains.</translation>
    </message>
    <message>
        <source>Keeping conversations unencrypted</source>
        <translation>Garder les conversations non chiffrées</translation>
    </message>
    <message>
        <source>Cove will ask for the passphrase when it starts.</source>
        <translation>Cove demandera la phrase secrète au démarrage.</translation>
    </message>
    <message>
        <source>Your conversations are encrypted. This is your recovery key: it opens them if the passphrase is forgotten. Write it down now and keep it apart from this computer; it is shown only this once.</source>
        <translation>Vos conversations sont chiffrées. Voici votre clé de récupération : elle les ouvre si la phrase secrète est oubliée. Notez-la maintenant et gardez-la loin de cet ordinateur ; elle n&apos;est affichée qu&apos;une fois.</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Votre clé de récupération</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>Désactiver le chiffrement</translation>
    </message>
    <message>
        <source>Store your conversations unencrypted again? Anyone with this computer&apos;s disk could then read them.</source>
        <translation>Enregistrer de nouveau vos conversations sans chiffrement ? Quiconque a le disque de cet ordinateur pourrait alors les lire.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Something went wrong ({}: {}). Details are in Cove&apos;s log.</source>
        <translation>Un problème est survenu ({} : {}). Les détails sont dans le journal de Cove.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exporting conversations</source>
        <translation>Exportation des conversations</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Your conversations are encrypted, but exported files are not: they are plain files for you to keep or share.

Format:</source>
        <translation>Vos conversations sont chiffrées, mais les fichiers exportés ne le sont pas : ce sont des fichiers ordinaires à garder ou à partager.

Format :</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exporter dans un dossier</translation>
    </message>
    <message>
        <source>Export failed: {}</source>
        <translation>Échec de l&apos;exportation : {}</translation>
    </message>
    <message>
        <source>There was nothing to export.</source>
        <translation>Il n&apos;y avait rien à exporter.</translation>
    </message>
    <message>
        <source>{} file</source>
        <translation>{} fichier</translation>
    </message>
    <message>
        <source>{} files</source>
        <translation>{} fichiers</translation>
    </message>
    <message>
        <source>Exported {} to {}.</source>
        <translation>Exporté : {} dans {}.</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Importer des conversations</translation>
    </message>
    <message>
        <source>Cove export (*.json)</source>
        <translation>Export Cove (*.json)</translation>
    </message>
    <message>
        <source>Import failed: {}</source>
        <translation>Échec de l&apos;importation : {}</translation>
    </message>
    <message>
        <source>Imported {} and {}; {} already here.</source>
        <translation>{} et {} importés ; {} déjà là.</translation>
    </message>
    <message>
        <source>{} conversation</source>
        <translation>{} conversation</translation>
    </message>
    <message>
        <source>{} conversations</source>
        <translation>{} conversations</translation>
    </message>
    <message>
        <source>{} message</source>
        <translation>{} message</translation>
    </message>
    <message>
        <source>{} messages</source>
        <translation>{} messages</translation>
    </message>
    <message>
        <source>{} was</source>
        <translation>{} était</translation>
    </message>
    <message>
        <source>{} were</source>
        <translation>{} étaient</translation>
    </message>
</context>
<context>
    <name>FollowBottom</name>
    <message>
        <source>Jump to latest</source>
        <translation>Aller à la fin</translation>
    </message>
    <message>
        <source>Jump to the latest message (Ctrl+End)</source>
        <translation>Aller au dernier message (Ctrl+Fin)</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Answer settings</source>
        <translation>Réglages de réponse</translation>
    </message>
    <message>
        <source>For this conversation. Defaults come from {} and from Settings.</source>
        <translation>Pour cette conversation. Les valeurs par défaut viennent de {} et des Paramètres.</translation>
    </message>
    <message>
        <source>Save as default for {}</source>
        <translation>Enregistrer par défaut pour {}</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Utiliser les valeurs par défaut</translation>
    </message>
</context>
<context>
    <name>HubSearch</name>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>{} repositories found. Pick one to see its files.</source>
        <translation>{} dépôts trouvés. Choisissez-en un pour voir ses fichiers.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Rien trouvé.</translation>
    </message>
    <message>
        <source>{}   ({} downloads)</source>
        <translation>{}   ({} téléchargements)</translation>
    </message>
    <message>
        <source>Listing the files of {}…</source>
        <translation>Liste des fichiers de {}…</translation>
    </message>
    <message>
        <source>{}: {} GGUF models.</source>
        <translation>{} : {} modèles GGUF.</translation>
    </message>
</context>
<context>
    <name>LiveAnswer</name>
    <message>
        <source>The answer goes on: all of it can be shown when it is complete.</source>
        <translation>La réponse continue : elle pourra être affichée en entier une fois terminée.</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Serving your models at {}/v1</source>
        <translation>Vos modèles sont servis à l&apos;adresse {}/v1</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Verrouiller maintenant</translation>
    </message>
    <message>
        <source>&amp;Encryption and lock…</source>
        <translation>&amp;Chiffrement et verrouillage…</translation>
    </message>
    <message>
        <source>Cove — locked</source>
        <translation>Cove — verrouillé</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Your conversations are locked</source>
        <translation>Vos conversations sont verrouillées</translation>
    </message>
    <message>
        <source>Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; the recovery key you wrote down works in its place.</source>
        <translation>Saisissez votre phrase secrète pour les déverrouiller. Une phrase secrète oubliée ne peut pas être récupérée ; la clé de récupération que vous avez notée la remplace.</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Phrase secrète ou clé de récupération</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Search all chats (Ctrl+K)</source>
        <translation>Rechercher dans toutes les discussions (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher des conversations</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivées</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Vider la corbeille…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Loaded model and speed</source>
        <translation>Modèle chargé et vitesse</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Notes indexing progress</source>
        <translation>Progression de l&apos;indexation des notes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Nouvelle discussion</translation>
    </message>
    <message>
        <source>&amp;Add model file…</source>
        <translation>&amp;Ajouter un fichier de modèle…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modèles…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>&amp;Exporter la conversation…</translation>
    </message>
    <message>
        <source>Export &amp;all conversations…</source>
        <translation>Exporter &amp;toutes les conversations…</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>&amp;Importer des conversations…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Discussion</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>Re&amp;generate answer</source>
        <translation>Ré&amp;générer la réponse</translation>
    </message>
    <message>
        <source>&amp;Continue answer</source>
        <translation>&amp;Continuer la réponse</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>&amp;Modifier le dernier message</translation>
    </message>
    <message>
        <source>Cop&amp;y last answer</source>
        <translation>Cop&amp;ier la dernière réponse</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>&amp;Renommer la conversation…</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin conversation</source>
        <translation>É&amp;pingler / désépingler la conversation</translation>
    </message>
    <message>
        <source>Arc&amp;hive / unarchive conversation</source>
        <translation>Arc&amp;hiver / désarchiver la conversation</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt…</source>
        <translation>Invite s&amp;ystème…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>&amp;Supprimer la conversation</translation>
    </message>
    <message>
        <source>Save conversation as &amp;note…</source>
        <translation>Enregistrer la conversation comme &amp;note…</translation>
    </message>
    <message>
        <source>&amp;Answer settings…</source>
        <translation>Réglages de ré&amp;ponse…</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Notes &amp;folders…</source>
        <translation>&amp;Dossiers de notes…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Write a message</source>
        <translation>É&amp;crire un message</translation>
    </message>
    <message>
        <source>&amp;Search all chats</source>
        <translation>&amp;Rechercher dans toutes les discussions</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Conversation &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>Conversation &amp;suivante</translation>
    </message>
    <message>
        <source>Show/hide &amp;conversation list</source>
        <translation>Afficher/masquer la liste des &amp;conversations</translation>
    </message>
    <message>
        <source>&amp;Jump to latest</source>
        <translation>Aller à la &amp;fin</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>&amp;Confidentialité…</translation>
    </message>
    <message>
        <source>&amp;About Cove</source>
        <translation>À &amp;propos de Cove</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Message copied.</source>
        <translation>Message copié.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it (Esc).</source>
        <translation>Attendez la fin de la réponse, ou arrêtez-la (Échap).</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Supprimer le message</translation>
    </message>
    <message>
        <source>Delete this message? The messages after it stay in the conversation.</source>
        <translation>Supprimer ce message ? Les messages suivants restent dans la conversation.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>… {} more characters are not shown here: Copy or export gives the whole message.</source>
        <translation>… {} caractères de plus ne sont pas affichés ici : Copier ou exporter donne le message entier.</translation>
    </message>
    <message>
        <source>Show all ({} more characters)</source>
        <translation>Tout afficher ({} caractères de plus)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>citée</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>Lecture de votre message…</translation>
    </message>
    <message>
        <source>{} / {} tokens</source>
        <translation>{} / {} jetons</translation>
    </message>
    <message>
        <source>Attached: {} · {} tokens</source>
        <translation>Joint : {} · {} jetons</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>Copier le Markdown</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Save as note</source>
        <translation>Enregistrer comme note</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Version précédente</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Version suivante</translation>
    </message>
    <message>
        <source>{} tokens</source>
        <translation>{} jetons</translation>
    </message>
    <message>
        <source>{} tokens/s</source>
        <translation>{} jetons/s</translation>
    </message>
    <message>
        <source>first token in {} s</source>
        <translation>premier jeton en {} s</translation>
    </message>
    <message>
        <source>prompt {} tokens ({} new)</source>
        <translation>invite {} jetons ({} nouveaux)</translation>
    </message>
    <message>
        <source>drafts accepted {:.0%}</source>
        <translation>brouillons acceptés : {:.0%}</translation>
    </message>
    <message>
        <source>{} earlier messages were left out to fit the model&apos;s context.</source>
        <translation>{} messages plus anciens ont été omis pour tenir dans le contexte du modèle.</translation>
    </message>
    <message>
        <source>This answer failed.</source>
        <translation>Cette réponse a échoué.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompue</translation>
    </message>
</context>
<context>
    <name>ModelImportActions</name>
    <message>
        <source>Add model file</source>
        <translation>Ajouter un fichier de modèle</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modèles GGUF (*.gguf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Not a model file</source>
        <translation>Pas un fichier de modèle</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Ajout de {}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Could not add the model</source>
        <translation>Impossible d&apos;ajouter le modèle</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>No model yet</source>
        <translation>Pas encore de modèle</translation>
    </message>
    <message>
        <source>No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf file you have.</source>
        <translation>Pas encore de modèle : ouvrez « Modèles… » pour en télécharger un, ou cliquez sur « Ajouter un fichier de modèle… » pour utiliser un fichier .gguf que vous avez.</translation>
    </message>
    <message>
        <source>No model yet: click “Add model file…” to use a .gguf file from your administrator (downloads are turned off on this computer).</source>
        <translation>Pas encore de modèle : cliquez sur « Ajouter un fichier de modèle… » pour utiliser un fichier .gguf fourni par votre administrateur (les téléchargements sont désactivés sur cet ordinateur).</translation>
    </message>
    <message>
        <source>Ready. Answers come from {}: your messages are sent to it, and the conversation is kept here.</source>
        <translation>Prêt. Les réponses viennent de {} : vos messages lui sont envoyés, et la conversation est gardée ici.</translation>
    </message>
    <message>
        <source>Loading {}…</source>
        <translation>Chargement de {}…</translation>
    </message>
    <message>
        <source>Ready. Loaded {} in {} s.</source>
        <translation>Prêt. {} chargé en {} s.</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>Quantification</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>For this computer</source>
        <translation>Pour cet ordinateur</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>tient</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>juste</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>trop grand</translation>
    </message>
    <message>
        <source>fast here</source>
        <translation>rapide ici</translation>
    </message>
    <message>
        <source>usable here</source>
        <translation>utilisable ici</translation>
    </message>
    <message>
        <source>slow here</source>
        <translation>lent ici</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recommandé</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Temps restant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>(built-in)</source>
        <translation>(intégré)</translation>
    </message>
</context>
<context>
    <name>ModelsActions</name>
    <message>
        <source>downloading models is turned off</source>
        <translation>le téléchargement de modèles est désactivé</translation>
    </message>
    <message>
        <source>searching the Hub is turned off</source>
        <translation>la recherche sur le Hub est désactivée</translation>
    </message>
    <message>
        <source>models come from {}</source>
        <translation>les modèles viennent de {}</translation>
    </message>
    <message>
        <source>only the models your administrator allows will load</source>
        <translation>seuls les modèles autorisés par votre administrateur seront chargés</translation>
    </message>
    <message>
        <source>shared models are in {}</source>
        <translation>les modèles partagés sont dans {}</translation>
    </message>
    <message>
        <source>Set by your administrator: {}.</source>
        <translation>Défini par votre administrateur : {}.</translation>
    </message>
    <message>
        <source>Embedding (notes)</source>
        <translation>Embedding (notes)</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Modèle intégré</translation>
    </message>
    <message>
        <source>The starter model is part of Cove&apos;s installation and cannot be deleted here.</source>
        <translation>Le modèle de démarrage fait partie de l&apos;installation de Cove et ne peut pas être supprimé ici.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Supprimer le modèle</translation>
    </message>
    <message>
        <source>Delete {} ({}) from this computer?</source>
        <translation>Supprimer {} ({}) de cet ordinateur ?</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>{} of free memory</source>
        <translation>{} de mémoire libre</translation>
    </message>
    <message>
        <source> and {} of free GPU memory ({})</source>
        <translation> et {} de mémoire GPU libre ({})</translation>
    </message>
    <message>
        <source>This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly it would answer. ★ marks the best choice in each family.</source>
        <translation>Cet ordinateur a {}. « tient » laisse de la place aux autres programmes, « juste » peut ralentir l&apos;ordinateur, « trop grand » ne fonctionnera pas bien ; « rapide ici », « utilisable ici » ou « lent ici » indique la vitesse de réponse. ★ marque le meilleur choix de chaque famille.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>Modèles installés</translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation>Ajouter un fichier de modèle…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>Modèle de discussion…</translation>
    </message>
    <message>
        <source>Use your own chat template for the selected model</source>
        <translation>Utiliser votre propre modèle de discussion pour le modèle sélectionné</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installés</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>Catalogue de modèles</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download selected model</source>
        <translation>Télécharger le modèle sélectionné</translation>
    </message>
    <message>
        <source>&lt;b&gt;For your notes: find them by meaning&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pour vos notes : les trouver par leur sens&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Embedding models</source>
        <translation>Modèles d&apos;embedding</translation>
    </message>
    <message>
        <source>Download selected embedding model</source>
        <translation>Télécharger le modèle d&apos;embedding sélectionné</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Search the Hub for GGUF models, e.g. “mistral 7b instruct”</source>
        <translation>Rechercher des modèles GGUF sur le Hub, p. ex. « mistral 7b instruct »</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Texte recherché</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Waiting for the Hub</source>
        <translation>En attente du Hub</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop waiting for the Hub</source>
        <translation>Ne plus attendre le Hub</translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation>Dépôts trouvés</translation>
    </message>
    <message>
        <source>Files in the repository</source>
        <translation>Fichiers du dépôt</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>Rechercher sur le Hub</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Téléchargements</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>Modèle d’ébauche</translation>
    </message>
    <message>
        <source>Measure speed-up</source>
        <translation>Mesurer l’accélération</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Downloads continue where they stopped, even after Cove restarts. Each file is checked against the SHA-256 the Hub reports before it can be used.</source>
        <translation>Les téléchargements reprennent là où ils se sont arrêtés, même après un redémarrage de Cove. Chaque fichier est vérifié avec le SHA-256 indiqué par le Hub avant de pouvoir être utilisé.</translation>
    </message>
    <message>
        <source>Mirror address</source>
        <translation>Adresse du miroir</translation>
    </message>
    <message>
        <source>Hub token</source>
        <translation>Jeton du Hub</translation>
    </message>
    <message>
        <source>Offline: never use the network</source>
        <translation>Hors ligne : ne jamais utiliser le réseau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Mirror address:</source>
        <translation>Adresse du miroir :</translation>
    </message>
    <message>
        <source>Hub token (for gated models):</source>
        <translation>Jeton du Hub (modèles à accès restreint) :</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy</source>
        <translation>Stratégie de l&apos;administrateur</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>saved (type a new one to replace it)</source>
        <translation>enregistré (saisissez-en un nouveau pour le remplacer)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Models come from {}.</source>
        <translation>Les modèles viennent de {}.</translation>
    </message>
    <message>
        <source>nowhere: Cove is offline</source>
        <translation>nulle part : Cove est hors ligne</translation>
    </message>
    <message>
        <source>“{}” is not a web address. It should look like https://mirror.example.org</source>
        <translation>« {} » n&apos;est pas une adresse web. Elle doit ressembler à https://mirror.example.org</translation>
    </message>
</context>
<context>
    <name>NoteSavingActions</name>
    <message>
        <source>Save selection as note…</source>
        <translation>Enregistrer la sélection comme note…</translation>
    </message>
    <message>
        <source>this answer</source>
        <translation>cette réponse</translation>
    </message>
    <message>
        <source>the selected text</source>
        <translation>le texte sélectionné</translation>
    </message>
    <message>
        <source>Open a conversation first, then save it as a note.</source>
        <translation>Ouvrez d&apos;abord une conversation, puis enregistrez-la comme note.</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>cette conversation</translation>
    </message>
    <message>
        <source>Saving notes</source>
        <translation>Enregistrement des notes</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>Enregistré dans {}</translation>
    </message>
</context>
<context>
    <name>NoteViewerDialog</name>
    <message>
        <source>Note: {}</source>
        <translation>Note : {}</translation>
    </message>
    <message>
        <source>Cited passage</source>
        <translation>Passage cité</translation>
    </message>
    <message>
        <source>Note file</source>
        <translation>Fichier de la note</translation>
    </message>
    <message>
        <source>Note state</source>
        <translation>État de la note</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texte de la note</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Ouvrir dans l&apos;application par défaut</translation>
    </message>
    <message>
        <source>Open the note in its default app</source>
        <translation>Ouvrir la note dans son application par défaut</translation>
    </message>
    <message>
        <source>This note has changed since the answer: shown is the passage as it was then.</source>
        <translation>Cette note a changé depuis la réponse : le passage est affiché tel qu&apos;il était alors.</translation>
    </message>
    <message>
        <source>This note cannot be read now ({}): shown is the passage as it was when the answer was written.</source>
        <translation>Cette note ne peut pas être lue maintenant ({}) : le passage est affiché tel qu&apos;il était lors de la réponse.</translation>
    </message>
    <message>
        <source>This note is no longer there: shown is the passage as it was when the answer was written.</source>
        <translation>Cette note n&apos;existe plus : le passage est affiché tel qu&apos;il était lors de la réponse.</translation>
    </message>
</context>
<context>
    <name>NotesActions</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Set by your administrator: notes folders must be inside {}.</source>
        <translation>Défini par votre administrateur : les dossiers de notes doivent être dans {}.</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Ajouter un dossier de notes</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Ajout de {}…</translation>
    </message>
    <message>
        <source>Remove notes folder</source>
        <translation>Retirer le dossier de notes</translation>
    </message>
    <message>
        <source>Remove {} from your notes?

Cove forgets what it read there; the files themselves are untouched.</source>
        <translation>Retirer {} de vos notes ?

Cove oublie ce qu&apos;il y a lu ; les fichiers eux-mêmes ne sont pas touchés.</translation>
    </message>
    <message>
        <source>Files that could not be read ({}): they are skipped; the rest of the folder is indexed.</source>
        <translation>Fichiers illisibles ({}) : ils sont ignorés ; le reste du dossier est indexé.</translation>
    </message>
    <message>
        <source>Notes indexing paused {}%</source>
        <translation>Indexation des notes en pause {} %</translation>
    </message>
    <message>
        <source>Indexing notes {}%</source>
        <translation>Indexation des notes {} %</translation>
    </message>
    <message>
        <source>Paused: </source>
        <translation>En pause : </translation>
    </message>
    <message>
        <source>Indexing </source>
        <translation>Indexation </translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>En pause.</translation>
    </message>
    <message>
        <source>Looking for changes in your notes folders…</source>
        <translation>Recherche de modifications dans vos dossiers de notes…</translation>
    </message>
    <message>
        <source>Meaning search is off for now: {}</source>
        <translation>La recherche par le sens est désactivée pour l&apos;instant : {}</translation>
    </message>
    <message>
        <source>Meaning search: finding what each passage means, {} of {}…</source>
        <translation>Recherche par le sens : analyse du sens de chaque passage, {} sur {}…</translation>
    </message>
    <message>
        <source>Search finds the passages that use your words. Download an embedding model (Models…, “For your notes”) to also find those that say the same in other words: “what did I pay the plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else.</source>
        <translation>La recherche trouve les passages qui emploient vos mots. Téléchargez un modèle d&apos;embedding (Modèles…, « Pour vos notes ») pour trouver aussi ceux qui disent la même chose autrement : « combien ai-je payé le plombier ? » trouve alors « facture : réparation de la chaudière ». Il fonctionne sur cet ordinateur, comme tout le reste.</translation>
    </message>
    <message>
        <source>Meaning search is on ({}): passages are found by what they mean as well as by their words.</source>
        <translation>La recherche par le sens est active ({}) : les passages sont trouvés par leur sens autant que par leurs mots.</translation>
    </message>
</context>
<context>
    <name>NotesChatActions</name>
    <message>
        <source>Answering from your notes</source>
        <translation>Réponse à partir de vos notes</translation>
    </message>
    <message>
        <source>Answer from your notes folders and cite them. There are no notes folders yet: click to add one.</source>
        <translation>Répondre à partir de vos dossiers de notes en les citant. Il n&apos;y a pas encore de dossier de notes : cliquez pour en ajouter un.</translation>
    </message>
    <message>
        <source>Answer from your notes folders, citing the passages used as [1], [2]. Remembered for this conversation.</source>
        <translation>Répondre à partir de vos dossiers de notes, en citant les passages utilisés comme [1], [2]. Mémorisé pour cette conversation.</translation>
    </message>
    <message>
        <source>Cove could not save this choice ({}). Try again in a moment.</source>
        <translation>Cove n&apos;a pas pu enregistrer ce choix ({}). Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>No notes folders yet</source>
        <translation>Pas encore de dossier de notes</translation>
    </message>
    <message>
        <source>Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads it, unless you save a note there. Add a notes folder now?</source>
        <translation>Cove a besoin pour cela d&apos;un dossier de notes (Markdown, texte, PDF, Word ou HTML). Il se contente de le lire, sauf si vous y enregistrez une note. Ajouter un dossier de notes maintenant ?</translation>
    </message>
    <message>
        <source>This answer does not use them.</source>
        <translation>Cette réponse ne les utilise pas.</translation>
    </message>
    <message>
        <source>Your notes could not be used for this answer ({}).</source>
        <translation>Vos notes n&apos;ont pas pu être utilisées pour cette réponse ({}).</translation>
    </message>
    <message>
        <source>Meaning search is off for now ({}); your notes were searched by their words.</source>
        <translation>La recherche par le sens est désactivée pour l&apos;instant ({}) ; vos notes ont été cherchées par leurs mots.</translation>
    </message>
    <message>
        <source>The passages could not be stored ({}), so this answer does not use your notes.</source>
        <translation>Les passages n&apos;ont pas pu être enregistrés ({}), cette réponse n&apos;utilise donc pas vos notes.</translation>
    </message>
    <message>
        <source>Your notes could not be searched ({}). The answer does not use them.</source>
        <translation>Vos notes n&apos;ont pas pu être consultées ({}). La réponse ne les utilise pas.</translation>
    </message>
    <message>
        <source>No notes folders yet, so this answer does not use your notes. Add one in Notes.</source>
        <translation>Pas encore de dossier de notes, cette réponse n&apos;utilise donc pas vos notes. Ajoutez-en un dans Notes.</translation>
    </message>
    <message>
        <source>Nothing in your notes matches this question, so the answer does not use them.</source>
        <translation>Rien dans vos notes ne correspond à cette question, la réponse ne les utilise donc pas.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Notes folders</source>
        <translation>Dossiers de notes</translation>
    </message>
    <message>
        <source>Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only reads them and keeps its index on this computer; changes are picked up while Cove runs.</source>
        <translation>Cove répond à partir des notes de ces dossiers : fichiers Markdown, texte, PDF, Word et HTML. Il se contente de les lire et garde son index sur cet ordinateur ; les modifications sont prises en compte pendant que Cove fonctionne.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Ajouter un dossier de notes</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected notes folder</source>
        <translation>Retirer le dossier de notes sélectionné</translation>
    </message>
    <message>
        <source>Forget this folder; its files are not touched</source>
        <translation>Oublier ce dossier ; ses fichiers ne sont pas touchés</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progression de l&apos;indexation</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Suspendre l&apos;indexation</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Reprendre l&apos;indexation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Annuler l&apos;indexation</translation>
    </message>
    <message>
        <source>Stop this pass; what is indexed so far is kept</source>
        <translation>Arrêter ce passage ; ce qui est déjà indexé est conservé</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>Fichiers illisibles</translation>
    </message>
    <message>
        <source>Search finds passages with your words. Meaning search, which also finds passages that say the same in other words, comes with an embedding model.</source>
        <translation>La recherche trouve les passages avec vos mots. La recherche par le sens, qui trouve aussi les passages qui disent la même chose autrement, vient avec un modèle d&apos;embedding.</translation>
    </message>
</context>
<context>
    <name>NotesFolderModel</name>
    <message>
        <source>{} of {} · {}</source>
        <translation>{} sur {} · {}</translation>
    </message>
    <message>
        <source> · about {} left</source>
        <translation> · il reste environ {}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Searching is turned off by your administrator.</source>
        <translation>La recherche est désactivée par votre administrateur.</translation>
    </message>
    <message>
        <source>Downloads are turned off by your administrator.</source>
        <translation>Les téléchargements sont désactivés par votre administrateur.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your conversations are stored only on this computer: no account, no telemetry, no cloud. Cove uses the network only when you ask it to, and only for these requests (to the model Hub, the mirror in use, or a remote server you added):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Hub address in use: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vos conversations sont enregistrées uniquement sur cet ordinateur : pas de compte, pas de télémétrie, pas de cloud. Cove n&apos;utilise le réseau que lorsque vous le lui demandez, et seulement pour ces requêtes (vers le Hub de modèles, le miroir utilisé ou un serveur distant que vous avez ajouté) :&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Adresse du Hub utilisée : &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cove is offline: it makes no network requests at all.</source>
        <translation>Cove est hors ligne : il ne fait aucune requête réseau.</translation>
    </message>
    <message>
        <source>Cove is online: the requests above are made when you use them. Turn on offline mode in Settings › Privacy to make none.</source>
        <translation>Cove est en ligne : les requêtes ci-dessus sont faites quand vous les utilisez. Activez le mode hors ligne dans Paramètres › Confidentialité pour n&apos;en faire aucune.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Network requests made</source>
        <translation>Requêtes réseau effectuées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
    <message>
        <source>Requests Cove made ({}), newest first. The log is {}.</source>
        <translation>Requêtes faites par Cove ({}), les plus récentes d&apos;abord. Le journal est {}.</translation>
    </message>
    <message>
        <source>Cove has made no network requests (log: {}).</source>
        <translation>Cove n&apos;a fait aucune requête réseau (journal : {}).</translation>
    </message>
</context>
<context>
    <name>RemoteServersActions</name>
    <message>
        <source>  (set by your administrator)</source>
        <translation>  (défini par votre administrateur)</translation>
    </message>
    <message>
        <source>  · key stored</source>
        <translation>  · clé enregistrée</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>Bundle d&apos;AC (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Asking {} for its models…</source>
        <translation>Demande de ses modèles à {}…</translation>
    </message>
    <message>
        <source>The key could not be stored ({}).</source>
        <translation>La clé n&apos;a pas pu être enregistrée ({}).</translation>
    </message>
    <message>
        <source>Added {}: {} models ({}). They are in the model picker, marked “on {}”.</source>
        <translation>{} ajouté : {} modèles ({}). Ils sont dans le sélecteur de modèles, marqués « sur {} ».</translation>
    </message>
    <message>
        <source>Removed {} and its stored key.</source>
        <translation>{} et sa clé enregistrée ont été retirés.</translation>
    </message>
</context>
<context>
    <name>RemoteServersTab</name>
    <message>
        <source>Servers that run models for Cove: vLLM, llama.cpp&apos;s llama-server, Ollama, or another Cove. Their models appear in the model picker, marked with the server&apos;s name. When you chat with one, your messages are sent to that server; the conversation is stored only on this computer.</source>
        <translation>Serveurs qui exécutent des modèles pour Cove : vLLM, llama-server de llama.cpp, Ollama ou un autre Cove. Leurs modèles apparaissent dans le sélecteur de modèles, marqués du nom du serveur. Quand vous discutez avec l&apos;un d&apos;eux, vos messages sont envoyés à ce serveur ; la conversation n&apos;est enregistrée que sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Serveurs distants</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Retirer le serveur</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>optional: for an on-prem certificate</source>
        <translation>facultatif : pour un certificat interne</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Bundle d&apos;AC</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Ajouter le serveur</translation>
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
        <translation>sans limite</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aléatoire</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <source>Lower: focused and predictable. Higher: more varied and inventive.</source>
        <translation>Plus basse : précise et prévisible. Plus haute : plus variée et inventive.</translation>
    </message>
    <message>
        <source>How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits conversation; above 1 wanders.</source>
        <translation>La liberté avec laquelle le mot suivant est choisi. 0 prend toujours le mot le plus probable ; environ 0,7 convient à la conversation ; au-dessus de 1, il divague.</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Picks only among the likeliest words that together make up this share (1 = all).</source>
        <translation>Choisit seulement parmi les mots les plus probables qui forment ensemble cette part (1 = tous).</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Picks only among this many likeliest words.</source>
        <translation>Choisit seulement parmi ce nombre de mots les plus probables.</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Leaves out words less likely than this share of the likeliest one (0 = off).</source>
        <translation>Écarte les mots moins probables que cette part du plus probable (0 = désactivé).</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words (1 = off).</source>
        <translation>Au-dessus de 1, décourage la répétition des mêmes mots (1 = désactivé).</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Réponse la plus longue (jetons)</translation>
    </message>
    <message>
        <source>An answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>Une réponse s&apos;arrête après ce nombre de jetons (un jeton fait environ ¾ d&apos;un mot).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Random: a new answer each time. A number: the same question gets the same answer.</source>
        <translation>Aléatoire : une nouvelle réponse à chaque fois. Un nombre : la même question obtient la même réponse.</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <source>Save as note</source>
        <translation>Enregistrer comme note</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Titre de la note</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meeting, budget</source>
        <translation>Séparées par des virgules, p. ex. réunion, budget</translation>
    </message>
    <message>
        <source>Notes folder</source>
        <translation>Dossier de notes</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Gabarit</translation>
    </message>
    <message>
        <source>None: the text as it is</source>
        <translation>Aucun : le texte tel quel</translation>
    </message>
    <message>
        <source>Why the note was not saved</source>
        <translation>Pourquoi la note n&apos;a pas été enregistrée</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Étiquettes :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Gabarit :</translation>
    </message>
    <message>
        <source>Saves {} as a Markdown file in your notes folder; it is searchable at once.</source>
        <translation>Enregistre {} comme fichier Markdown dans votre dossier de notes ; il est aussitôt consultable par la recherche.</translation>
    </message>
    <message>
        <source>Folder for the note</source>
        <translation>Dossier de la note</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Search failed ({}).</source>
        <translation>La recherche a échoué ({}).</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Rien trouvé.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Let other programs on this computer (an editor, a script) use your models through the OpenAI API, as the cove serve command does. Your conversations stay here; requests are written to the request log without their content.</source>
        <translation>Permettez à d&apos;autres programmes de cet ordinateur (un éditeur, un script) d&apos;utiliser vos modèles via l&apos;API OpenAI, comme le fait la commande cove serve. Vos conversations restent ici ; les requêtes sont inscrites dans le journal des requêtes, sans leur contenu.</translation>
    </message>
    <message>
        <source>Serve my models to other programs</source>
        <translation>Servir mes modèles à d&apos;autres programmes</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Other computers on the network (needs the key)</source>
        <translation>Autres ordinateurs du réseau (clé requise)</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Qui peut se connecter</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Modèles servis</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only this once. It is stored in {}, readable by you only.</source>
        <translation>Copiez la clé maintenant : elle n&apos;est affichée qu&apos;une fois. Elle est enregistrée dans {}, lisible par vous seul.</translation>
    </message>
    <message>
        <source>stored in {}</source>
        <translation>enregistrée dans {}</translation>
    </message>
    <message>
        <source>none needed on this computer only</source>
        <translation>inutile pour cet ordinateur uniquement</translation>
    </message>
    <message>
        <source>Other computers must send the key (Authorization: Bearer KEY).</source>
        <translation>Les autres ordinateurs doivent envoyer la clé (Authorization: Bearer CLÉ).</translation>
    </message>
    <message>
        <source>no models yet: download one in Models</source>
        <translation>aucun modèle pour l&apos;instant : téléchargez-en un dans Modèles</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Serving at {}/v1</source>
        <translation>En service à l&apos;adresse {}/v1</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Serveur arrêté.</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>Processor</source>
        <translation>Processeur</translation>
    </message>
    <message>
        <source>{} · {} cores ({} threads) · {} memory ({} free)</source>
        <translation>{} · {} cœurs ({} threads) · {} de mémoire ({} libres)</translation>
    </message>
    <message>
        <source>{} · {} cores · {} memory ({} free)</source>
        <translation>{} · {} cœurs · {} de mémoire ({} libres)</translation>
    </message>
    <message>
        <source>GPU: {} (this build cannot offload to it)</source>
        <translation>GPU : {} (cette version ne peut pas lui confier de calculs)</translation>
    </message>
    <message>
        <source>GPU: {}</source>
        <translation>GPU : {}</translation>
    </message>
    <message>
        <source>GPU: none used (this llama.cpp build runs models on the processor)</source>
        <translation>GPU : aucun utilisé (cette version de llama.cpp exécute les modèles sur le processeur)</translation>
    </message>
    <message>
        <source>Load a model to see the accelerations llama.cpp uses and how it runs the model.</source>
        <translation>Chargez un modèle pour voir les accélérations qu&apos;utilise llama.cpp et comment il exécute le modèle.</translation>
    </message>
    <message>
        <source>Accelerations: {}</source>
        <translation>Accélérations : {}</translation>
    </message>
    <message>
        <source>none beyond the basics</source>
        <translation>aucune au-delà des bases</translation>
    </message>
    <message>
        <source>all layers on the GPU</source>
        <translation>toutes les couches sur le GPU</translation>
    </message>
    <message>
        <source>{} layers on the GPU</source>
        <translation>{} couches sur le GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>CPU seulement</translation>
    </message>
    <message>
        <source>Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, {} for reading · flash attention {} · KV cache {}</source>
        <translation>En cours : llama.cpp {} · {} · contexte de {} jetons · {} threads pour répondre, {} pour lire · flash attention {} · cache KV {}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>Encryption and passphrase…</source>
        <translation>Chiffrement et phrase secrète…</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Modèle de discussion</translation>
    </message>
    <message>
        <source>Jinja chat template for {} (leave empty to use the one in the file):</source>
        <translation>Modèle de discussion Jinja pour {} (laissez vide pour utiliser celui du fichier) :</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>How every model writes its answers, unless a model or a conversation has its own settings (Chat › Answer settings).</source>
        <translation>La façon dont chaque modèle écrit ses réponses, sauf si un modèle ou une conversation a ses propres réglages (Discussion › Réglages de réponse).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>f16 (best quality)</source>
        <translation>f16 (meilleure qualité)</translation>
    </message>
    <message>
        <source>q8_0 (half the memory; rewrites sooner)</source>
        <translation>q8_0 (moitié moins de mémoire ; réécritures plus rapides)</translation>
    </message>
    <message>
        <source>q4_0 (a quarter)</source>
        <translation>q4_0 (un quart)</translation>
    </message>
    <message>
        <source>leave out the oldest messages</source>
        <translation>omettre les messages les plus anciens</translation>
    </message>
    <message>
        <source>stop and tell me</source>
        <translation>arrêter et me prévenir</translation>
    </message>
    <message>
        <source>Read my message while I type (faster first word)</source>
        <translation>Lire mon message pendant que j&apos;écris (premier mot plus rapide)</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>Taille du contexte (jetons)</translation>
    </message>
    <message>
        <source>Threads for answers</source>
        <translation>Threads pour les réponses</translation>
    </message>
    <message>
        <source>Threads for reading prompts</source>
        <translation>Threads pour lire les invites</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>Couches sur le GPU</translation>
    </message>
    <message>
        <source>Flash attention</source>
        <translation>Flash attention</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>Type de cache KV</translation>
    </message>
    <message>
        <source>When a chat outgrows the context</source>
        <translation>Quand une discussion dépasse le contexte</translation>
    </message>
    <message>
        <source>Saved conversation states</source>
        <translation>États de conversation enregistrés</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Empty the trash of chats deleted more than</source>
        <translation>Vider la corbeille des discussions supprimées depuis plus de</translation>
    </message>
    <message>
        <source>Daily backups of the conversations to keep</source>
        <translation>Sauvegardes quotidiennes des conversations à garder</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier des données</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>taille du système</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Conversation text size</source>
        <translation>Taille du texte des conversations</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Applies when Cove restarts</source>
        <translation>Appliqué au redémarrage de Cove</translation>
    </message>
    <message>
        <source>Offline: never use the network, not even for model search and downloads</source>
        <translation>Hors ligne : ne jamais utiliser le réseau, même pour rechercher et télécharger des modèles</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. The network is used only when you search for or download a model (from the Hugging Face Hub, or the mirror set in Models › Network), and when you chat with a model of a remote server (Settings › Remote servers): your messages then go to that server.</source>
        <translation>Vos conversations ne quittent jamais cet ordinateur : Cove n&apos;a ni compte, ni télémétrie, ni cloud. Le réseau n&apos;est utilisé que lorsque vous recherchez ou téléchargez un modèle (depuis le Hub de Hugging Face, ou le miroir défini dans Modèles › Réseau), et lorsque vous discutez avec un modèle d&apos;un serveur distant (Paramètres › Serveurs distants) : vos messages vont alors à ce serveur.</translation>
    </message>
    <message>
        <source>Encrypt my conversations…</source>
        <translation>Chiffrer mes conversations…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après des minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>Verrouiller après inactivité :</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>Supprimer toutes mes données…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Supprimer toutes mes données</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Serveurs distants</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Set by your administrator ({}):</source>
        <translation>Défini par votre administrateur ({}) :</translation>
    </message>
    <message>
        <source>Model downloads: {}</source>
        <translation>Téléchargement de modèles : {}</translation>
    </message>
    <message>
        <source>Hub search: {}</source>
        <translation>Recherche sur le Hub : {}</translation>
    </message>
    <message>
        <source>Exporting conversations: {}</source>
        <translation>Exportation des conversations : {}</translation>
    </message>
    <message>
        <source>Models come only from: {}</source>
        <translation>Les modèles viennent uniquement de : {}</translation>
    </message>
    <message>
        <source>Allowed models: {}</source>
        <translation>Modèles autorisés : {}</translation>
    </message>
    <message>
        <source>Conversations are deleted after {} days without activity</source>
        <translation>Les conversations sont supprimées après {} jours sans activité</translation>
    </message>
    <message>
        <source>Only an administrator can change these.</source>
        <translation>Seul un administrateur peut modifier ceci.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Could not save settings to {} ({}).</source>
        <translation>Impossible d&apos;enregistrer les paramètres dans {} ({}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel editing a message</source>
        <translation>Arrêter la réponse, ou annuler la modification d&apos;un message</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Passer d&apos;un contrôle à l&apos;autre</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>Renommer la conversation sélectionnée</translation>
    </message>
    <message>
        <source>Move the selected conversation to the trash</source>
        <translation>Mettre la conversation sélectionnée à la corbeille</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>Your computer is busy: answers are slower</source>
        <translation>Votre ordinateur est occupé : les réponses sont plus lentes</translation>
    </message>
    <message>
        <source>Other programs are using most of the processor, so this answer comes slower than usual. Closing them speeds it up.</source>
        <translation>D&apos;autres programmes utilisent presque tout le processeur, cette réponse arrive donc plus lentement que d&apos;habitude. Les fermer l&apos;accélère.</translation>
    </message>
    <message>
        <source>{} tok/s</source>
        <translation>{} jet./s</translation>
    </message>
    <message>
        <source>context {} / {} tokens</source>
        <translation>contexte {} / {} jetons</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>Invite système</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Préréglage</translation>
    </message>
    <message>
        <source>System prompt text</source>
        <translation>Texte de l&apos;invite système</translation>
    </message>
    <message>
        <source>No system prompt: the model&apos;s own default applies.</source>
        <translation>Pas d&apos;invite système : celle du modèle s&apos;applique.</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Enregistrer comme préréglage…</translation>
    </message>
    <message>
        <source>Update preset</source>
        <translation>Mettre à jour le préréglage</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Supprimer le préréglage</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Préréglage :</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation:</source>
        <translation>Consignes que le modèle suit dans cette conversation :</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personnalisée)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Enregistrer comme préréglage</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nom du préréglage :</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Conversation transcript</source>
        <translation>Transcription de la conversation</translation>
    </message>
    <message>
        <source>Type a message below to start.</source>
        <translation>Écrivez un message ci-dessous pour commencer.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Show {} earlier messages</source>
        <translation>Afficher {} messages plus anciens</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About Cove</source>
        <translation>À propos de Cove</translation>
    </message>
    <message>
        <source>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;A private chat assistant that runs open models on this computer.&lt;br&gt;Your conversations stay on this computer. Cove sends nothing except the requests listed on the Privacy page, which you start: model search and downloads from the Hub.</source>
        <translation>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;Un assistant de discussion privé qui exécute des modèles ouverts sur cet ordinateur.&lt;br&gt;Vos conversations restent sur cet ordinateur. Cove n&apos;envoie rien d&apos;autre que les requêtes listées dans la page Confidentialité, que vous lancez : la recherche et le téléchargement de modèles depuis le Hub.</translation>
    </message>
</context>
</TS>
