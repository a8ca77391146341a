<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name></name>
    <message>
        <source>Welcome to Cove</source>
        <translation>Boas-vindas ao Cove</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>Comece agora</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>Começar a conversar</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer. Cove has no account, no cloud and no telemetry; it uses the network only when you download a model.</source>
        <translation>Tudo o que você escreve fica neste computador. O Cove não tem conta, nuvem nem telemetria; ele só usa a rede quando você baixa um modelo.</translation>
    </message>
    <message>
        <source>Your conversations are stored only on this computer. Cove has no account, no cloud and no telemetry; the model picked runs on a remote server, so your messages are sent to it.</source>
        <translation>Suas conversas ficam guardadas só neste computador. O Cove não tem conta, nuvem nem telemetria; o modelo escolhido roda em um servidor remoto, então suas mensagens são enviadas a ele.</translation>
    </message>
    <message>
        <source>{} is ready.</source>
        <translation>{} está pronto.</translation>
    </message>
    <message>
        <source>The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for short, simple questions, but it makes mistakes and misses instructions.</source>
        <translation>O {} integrado ({}) funciona offline, então você pode experimentar o Cove agora mesmo. Ele é bem pequeno: serve para perguntas curtas e simples, mas comete erros e deixa passar instruções.</translation>
    </message>
    <message>
        <source>Add a .gguf file you have</source>
        <translation>Adicionar um arquivo .gguf que você tem</translation>
    </message>
    <message>
        <source>There is no model yet.</source>
        <translation>Ainda não há nenhum modelo.</translation>
    </message>
    <message>
        <source>Cove speaks {}. To change its language, open Settings › Appearance › Language; the change applies when Cove restarts.</source>
        <translation>O Cove fala {}. Para mudar o idioma, abra Configurações › Aparência › Idioma; a mudança vale quando o Cove reiniciar.</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>Baixando modelos</translation>
    </message>
    <message>
        <source>A better model for this computer</source>
        <translation>Um modelo melhor para este computador</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>Ver todos os modelos</translation>
    </message>
    <message>
        <source>Looking at this computer&apos;s memory…</source>
        <translation>Verificando a memória deste computador…</translation>
    </message>
    <message>
        <source>None of the recommended models would fit and answer quickly on this computer: the built-in model is the one that runs well here.</source>
        <translation>Nenhum dos modelos recomendados caberia e responderia rápido neste computador: o modelo integrado é o que funciona bem aqui.</translation>
    </message>
    <message>
        <source>Download {} ({})</source>
        <translation>Baixar {} ({})</translation>
    </message>
    <message>
        <source>Downloads once from Hugging Face ({} build), then works offline like the built-in model.</source>
        <translation>É baixado uma vez do Hugging Face (versão {}) e depois funciona offline como o modelo integrado.</translation>
    </message>
    <message>
        <source>Show or hide the conversation list</source>
        <translation>Mostrar ou ocultar a lista de conversas</translation>
    </message>
    <message>
        <source>Show or hide the conversation list (Ctrl+B)</source>
        <translation>Mostrar ou ocultar a lista de conversas (Ctrl+B)</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Prompt do sistema…</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>Prompt do sistema desta conversa</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Instruções que o modelo segue nesta conversa</translation>
    </message>
    <message>
        <source>Use my notes</source>
        <translation>Usar minhas notas</translation>
    </message>
    <message>
        <source>Use my notes in this conversation</source>
        <translation>Usar minhas notas nesta conversa</translation>
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
        <translation>Abrir a biblioteca de modelos</translation>
    </message>
    <message>
        <source>Installed models, recommended models, Hub search and downloads (Ctrl+M)</source>
        <translation>Modelos instalados, modelos recomendados, busca no Hub e downloads (Ctrl+M)</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Adicionar arquivo…</translation>
    </message>
    <message>
        <source>Add model file</source>
        <translation>Adicionar arquivo de modelo</translation>
    </message>
    <message>
        <source>Add a model file: copy a .gguf file into Cove&apos;s models folder</source>
        <translation>Adicionar um arquivo de modelo: copiar um arquivo .gguf para a pasta de modelos do Cove</translation>
    </message>
</context>
<context>
    <name>AnswerSession</name>
    <message>
        <source>Your message could not be saved ({}), so it was not sent. It is still in the box: try again in a moment.</source>
        <translation>Não foi possível salvar sua mensagem ({}), então ela não foi enviada. Ela continua na caixa: tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>A remote model cannot carry on a stopped answer where it ended: regenerate it instead (a new version, beside this one).</source>
        <translation>Um modelo remoto não consegue continuar uma resposta interrompida de onde ela parou: gere-a de novo (uma nova versão, ao lado desta).</translation>
    </message>
    <message>
        <source>Add a model first: click “Add model file…”.</source>
        <translation>Adicione um modelo primeiro: clique em “Adicionar arquivo de modelo…”.</translation>
    </message>
    <message>
        <source>Cove could not write to its database ({}).</source>
        <translation>O Cove não conseguiu gravar no banco de dados ({}).</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>Gerando… (Esc para parar)</translation>
    </message>
    <message>
        <source>Looking in your notes… (Esc to stop)</source>
        <translation>Procurando nas suas notas… (Esc para parar)</translation>
    </message>
    <message>
        <source>Stopped. What was written is saved.</source>
        <translation>Parado. O que foi escrito está salvo.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Parando…</translation>
    </message>
    <message>
        <source>The answer reached the length limit.</source>
        <translation>A resposta atingiu o limite de tamanho.</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Pronto.</translation>
    </message>
    <message>
        <source>The answer could not be saved ({}). It stays on screen; copy what you need before closing.</source>
        <translation>Não foi possível salvar a resposta ({}). Ela continua na tela; copie o que precisar antes de fechar.</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach files</source>
        <translation>Anexar arquivos</translation>
    </message>
    <message>
        <source>Files cannot be attached here: this conversation is in the trash. Restore it first, or start a new chat.</source>
        <translation>Não é possível anexar arquivos aqui: esta conversa está na lixeira. Restaure-a primeiro ou comece um novo chat.</translation>
    </message>
    <message>
        <source>“{}” is already attached.</source>
        <translation>“{}” já está anexado.</translation>
    </message>
    <message>
        <source>use a model with a larger context, or raise “Context size” in Settings</source>
        <translation>use um modelo com um contexto maior ou aumente “Tamanho do contexto” nas Configurações</translation>
    </message>
    <message>
        <source>This message with its files takes about {} tokens, too many for the model&apos;s context of {} tokens (with {} left for the answer), so it cannot be answered. Remove a file or attach a shorter part of it, or {}.</source>
        <translation>Esta mensagem com os arquivos ocupa cerca de {} tokens, demais para o contexto do modelo de {} tokens (com {} reservados para a resposta), então não pode ser respondida. Remova um arquivo ou anexe uma parte menor dele, ou {}.</translation>
    </message>
    <message>
        <source>it would not be answered (Settings: “When a chat outgrows the context” is “stop and tell me”)</source>
        <translation>ela não seria respondida (Configurações: “Quando um chat excede o contexto” está em “parar e me avisar”)</translation>
    </message>
    <message>
        <source>the oldest messages will be left out of what the model reads</source>
        <translation>as mensagens mais antigas ficarão de fora do que o modelo lê</translation>
    </message>
    <message>
        <source>With these files the conversation takes about {} tokens, more than the model&apos;s context of {} tokens (with {} left for the answer): {}. Remove a file or start a new chat for it, or {}.</source>
        <translation>Com estes arquivos a conversa ocupa cerca de {} tokens, mais que o contexto do modelo de {} tokens (com {} reservados para a resposta): {}. Remova um arquivo ou comece um novo chat para ele, ou {}.</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Attached files</source>
        <translation>Arquivos anexados</translation>
    </message>
    <message>
        <source>Attachment warning</source>
        <translation>Aviso sobre anexos</translation>
    </message>
    <message>
        <source> and {} more</source>
        <translation> e mais {}</translation>
    </message>
    <message>
        <source>Reading {}…</source>
        <translation>Lendo {}…</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {}</source>
        <translation>Remover {}</translation>
    </message>
    <message>
        <source>Remove {} from this message</source>
        <translation>Remover {} desta mensagem</translation>
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
        <translation> (uma estimativa até o modelo contá-los)</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer.
Type a message below to start.</source>
        <translation>Tudo o que você escreve fica neste computador.
Digite uma mensagem abaixo para começar.</translation>
    </message>
    <message>
        <source>This conversation is in the trash. Restore it to write in it.</source>
        <translation>Esta conversa está na lixeira. Restaure-a para escrever nela.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Cove…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>Mensagem para o Cove…  (Enter para enviar, Shift+Enter para nova linha)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensagem</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anexar…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Anexar arquivos</translation>
    </message>
    <message>
        <source>Attach text or Markdown files</source>
        <translation>Anexar arquivos de texto ou Markdown</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it as a new version (the old one is kept). Esc cancels.</source>
        <translation>Editando uma mensagem: Enter a envia como nova versão (a antiga é mantida). Esc cancela.</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Cancelar edição</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Parar resposta</translation>
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
        <translation>Excluir para sempre…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renomear…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Desafixar</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Fixar</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>Desarquivar</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arquivar</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>Prompt do sistema…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Renomear conversa</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renomear</translation>
    </message>
    <message>
        <source>Moved “{}” to the archive.</source>
        <translation>“{}” foi movida para o arquivo.</translation>
    </message>
    <message>
        <source>Moved “{}” back to the chats.</source>
        <translation>“{}” voltou para os chats.</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>Instruções que o modelo segue nesta conversa</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personalizado</translation>
    </message>
    <message>
        <source>System prompt: {}</source>
        <translation>Prompt do sistema: {}</translation>
    </message>
    <message>
        <source>Moved “{}” to the trash.</source>
        <translation>“{}” foi movida para a lixeira.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Restaurada.</translation>
    </message>
    <message>
        <source>Restored “{}” to the chats.</source>
        <translation>“{}” foi restaurada nos chats.</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>Excluir para sempre</translation>
    </message>
    <message>
        <source>Delete “{}” and all its messages for good? This cannot be undone.</source>
        <translation>Excluir “{}” e todas as suas mensagens definitivamente? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Esvaziar lixeira</translation>
    </message>
    <message>
        <source>Delete the {} conversations in the trash for good? This cannot be undone.</source>
        <translation>Excluir definitivamente as {} conversas da lixeira? Isso não pode ser desfeito.</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>Deleted</source>
        <translation>Excluído</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última atividade</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Fixadas</translation>
    </message>
    <message>
        <source>Pinned: </source>
        <translation>Fixada: </translation>
    </message>
</context>
<context>
    <name>DataDeletionActions</name>
    <message>
        <source>Delete all my data</source>
        <translation>Excluir todos os meus dados</translation>
    </message>
    <message>
        <source>Also delete downloaded models ({})</source>
        <translation>Excluir também os modelos baixados ({})</translation>
    </message>
    <message>
        <source>This deletes, and cannot be undone:</source>
        <translation>Isto exclui, sem possibilidade de desfazer:</translation>
    </message>
    <message>
        <source>Settings are kept. Export conversations you want to keep first.</source>
        <translation>As configurações são mantidas. Exporte antes as conversas que quiser guardar.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>Excluído:</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>failed: {} — {}</source>
        <translation>falhou: {} — {}</translation>
    </message>
    <message>
        <source>{}% of {}</source>
        <translation>{}% de {}</translation>
    </message>
    <message>
        <source>asking the Hub for the file…</source>
        <translation>pedindo o arquivo ao Hub…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>não iniciado</translation>
    </message>
</context>
<context>
    <name>DraftDetails</name>
    <message>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Draft model: {} (drafts the next words; the answer stays the same)</source>
        <translation>Modelo de rascunho: {} (propõe as próximas palavras; a resposta continua a mesma)</translation>
    </message>
    <message>
        <source>Speed-up here: not measured yet.</source>
        <translation>Aceleração aqui: ainda não medida.</translation>
    </message>
    <message>
        <source>Speed-up here: none with the current engine settings (drafts are checked with a q8_0 KV cache, or with flash attention on and one generation thread).</source>
        <translation>Aceleração aqui: nenhuma com as configurações atuais do motor (os rascunhos são verificados com um cache KV q8_0, ou com flash attention ativada e uma thread de geração).</translation>
    </message>
    <message>
        <source>Speed-up here: {:.2f}× ({:.0%} of drafts accepted).</source>
        <translation>Aceleração aqui: {:.2f}× ({:.0%} dos rascunhos aceitos).</translation>
    </message>
    <message>
        <source>Measuring the speed-up (about a minute)…</source>
        <translation>Medindo a aceleração (cerca de um minuto)…</translation>
    </message>
    <message>
        <source>Could not measure the speed-up: {}</source>
        <translation>Não foi possível medir a aceleração: {}</translation>
    </message>
</context>
<context>
    <name>EmbeddingCatalog</name>
    <message>
        <source>Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, so the model picker does not offer it.</source>
        <translation>Encontre notas pelo significado, não só pelas palavras: pergunte “quando é o dentista?” e o Cove também encontra a nota que diz “consulta com a Dra. Reyes na terça”. Um modelo de embedding faz isso neste computador, ao lado do modelo de chat, com pouca memória; suas notas nunca saem dele. Ele não conversa, por isso o seletor de modelos não o oferece.</translation>
    </message>
    <message>
        <source>In use for your notes: {}.</source>
        <translation>Em uso para suas notas: {}.</translation>
    </message>
    <message>
        <source>None installed: notes are found by their words only. Download one to find them by meaning too.</source>
        <translation>Nenhum instalado: as notas são encontradas só pelas palavras. Baixe um para encontrá-las também pelo significado.</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt my conversations</source>
        <translation>Criptografar minhas conversas</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nova frase secreta</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repita a nova frase secreta</translation>
    </message>
    <message>
        <source>Also keep the key in this computer&apos;s keyring (unlock when I log in)</source>
        <translation>Guardar a chave também no chaveiro deste computador (desbloquear ao entrar)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase secreta:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Repetir:</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Desativar a criptografia…</translation>
    </message>
    <message>
        <source>Your conversations, their backups, the notes index and the engine&apos;s saved states are encrypted on disk. Change the passphrase below.</source>
        <translation>Suas conversas, os backups delas, o índice de notas e os estados salvos do motor estão criptografados no disco. Altere a frase secreta abaixo.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Alterar frase secreta</translation>
    </message>
    <message>
        <source>Your conversations are stored unencrypted. Encrypting them protects them if this computer, its disk or a backup of it gets into other hands.</source>
        <translation>Suas conversas estão guardadas sem criptografia. Criptografá-las as protege se este computador, o disco dele ou um backup cair em outras mãos.</translation>
    </message>
    <message>
        <source>Keeping conversations unencrypted</source>
        <translation>Manter as conversas sem criptografia</translation>
    </message>
    <message>
        <source>Cove will ask for the passphrase when it starts.</source>
        <translation>O Cove vai pedir a frase secreta ao iniciar.</translation>
    </message>
    <message>
        <source>Your conversations are encrypted. This is your recovery key: it opens them if the passphrase is forgotten. Write it down now and keep it apart from this computer; it is shown only this once.</source>
        <translation>Suas conversas estão criptografadas. Esta é sua chave de recuperação: ela as abre se a frase secreta for esquecida. Anote-a agora e guarde-a longe deste computador; ela só é mostrada esta vez.</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Sua chave de recuperação</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>Desativar a criptografia</translation>
    </message>
    <message>
        <source>Store your conversations unencrypted again? Anyone with this computer&apos;s disk could then read them.</source>
        <translation>Guardar suas conversas sem criptografia de novo? Qualquer pessoa com o disco deste computador poderia lê-las.</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Something went wrong ({}: {}). Details are in Cove&apos;s log.</source>
        <translation>Algo deu errado ({}: {}). Os detalhes estão no registro do Cove.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exporting conversations</source>
        <translation>Exportando conversas</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Your conversations are encrypted, but exported files are not: they are plain files for you to keep or share.

Format:</source>
        <translation>Suas conversas estão criptografadas, mas os arquivos exportados não: são arquivos comuns para você guardar ou compartilhar.

Formato:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Exportar para pasta</translation>
    </message>
    <message>
        <source>Export failed: {}</source>
        <translation>Falha na exportação: {}</translation>
    </message>
    <message>
        <source>There was nothing to export.</source>
        <translation>Não havia nada para exportar.</translation>
    </message>
    <message>
        <source>{} file</source>
        <translation>{} arquivo</translation>
    </message>
    <message>
        <source>{} files</source>
        <translation>{} arquivos</translation>
    </message>
    <message>
        <source>Exported {} to {}.</source>
        <translation>Exportado: {} em {}.</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>Importar conversas</translation>
    </message>
    <message>
        <source>Cove export (*.json)</source>
        <translation>Exportação do Cove (*.json)</translation>
    </message>
    <message>
        <source>Import failed: {}</source>
        <translation>Falha na importação: {}</translation>
    </message>
    <message>
        <source>Imported {} and {}; {} already here.</source>
        <translation>Importados: {} e {}; {} aqui.</translation>
    </message>
    <message>
        <source>{} conversation</source>
        <translation>{} conversa</translation>
    </message>
    <message>
        <source>{} conversations</source>
        <translation>{} conversas</translation>
    </message>
    <message>
        <source>{} message</source>
        <translation>{} mensagem</translation>
    </message>
    <message>
        <source>{} messages</source>
        <translation>{} mensagens</translation>
    </message>
    <message>
        <source>{} was</source>
        <translation>{} já estava</translation>
    </message>
    <message>
        <source>{} were</source>
        <translation>{} já estavam</translation>
    </message>
</context>
<context>
    <name>FollowBottom</name>
    <message>
        <source>Jump to latest</source>
        <translation>Ir para o fim</translation>
    </message>
    <message>
        <source>Jump to the latest message (Ctrl+End)</source>
        <translation>Ir para a última mensagem (Ctrl+End)</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Answer settings</source>
        <translation>Ajustes de resposta</translation>
    </message>
    <message>
        <source>For this conversation. Defaults come from {} and from Settings.</source>
        <translation>Para esta conversa. Os padrões vêm de {} e das Configurações.</translation>
    </message>
    <message>
        <source>Save as default for {}</source>
        <translation>Salvar como padrão para {}</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>Usar os padrões</translation>
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
        <translation>{} repositórios encontrados. Escolha um para ver os arquivos.</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nada encontrado.</translation>
    </message>
    <message>
        <source>{}   ({} downloads)</source>
        <translation>{}   ({} downloads)</translation>
    </message>
    <message>
        <source>Listing the files of {}…</source>
        <translation>Listando os arquivos de {}…</translation>
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
        <translation>A resposta continua: ela pode ser mostrada inteira quando estiver completa.</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Serving your models at {}/v1</source>
        <translation>Servindo seus modelos em {}/v1</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear agora</translation>
    </message>
    <message>
        <source>&amp;Encryption and lock…</source>
        <translation>&amp;Criptografia e bloqueio…</translation>
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
        <translation>Suas conversas estão bloqueadas</translation>
    </message>
    <message>
        <source>Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; the recovery key you wrote down works in its place.</source>
        <translation>Digite sua frase secreta para desbloqueá-las. Uma frase secreta esquecida não pode ser recuperada; a chave de recuperação que você anotou serve no lugar dela.</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>Frase secreta ou chave de recuperação</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase secreta</translation>
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
        <translation>Novo chat</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Começar uma nova conversa (Ctrl+N)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversas</translation>
    </message>
    <message>
        <source>Search all chats (Ctrl+K)</source>
        <translation>Buscar em todos os chats (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversas</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da busca</translation>
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
        <translation>Arquivadas</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Lixeira</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Esvaziar lixeira…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Esvaziar lixeira</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loaded model and speed</source>
        <translation>Modelo carregado e velocidade</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Desfazer exclusão</translation>
    </message>
    <message>
        <source>Notes indexing progress</source>
        <translation>Progresso da indexação das notas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>&amp;Novo chat</translation>
    </message>
    <message>
        <source>&amp;Add model file…</source>
        <translation>&amp;Adicionar arquivo de modelo…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>&amp;Modelos…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>&amp;Exportar conversa…</translation>
    </message>
    <message>
        <source>Export &amp;all conversations…</source>
        <translation>Exportar &amp;todas as conversas…</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>&amp;Importar conversas…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>&amp;Parar resposta</translation>
    </message>
    <message>
        <source>Re&amp;generate answer</source>
        <translation>&amp;Gerar resposta de novo</translation>
    </message>
    <message>
        <source>&amp;Continue answer</source>
        <translation>&amp;Continuar resposta</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>&amp;Editar última mensagem</translation>
    </message>
    <message>
        <source>Cop&amp;y last answer</source>
        <translation>Cop&amp;iar última resposta</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>&amp;Renomear conversa…</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin conversation</source>
        <translation>&amp;Fixar / desafixar conversa</translation>
    </message>
    <message>
        <source>Arc&amp;hive / unarchive conversation</source>
        <translation>Arq&amp;uivar / desarquivar conversa</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt…</source>
        <translation>Prompt do s&amp;istema…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>E&amp;xcluir conversa</translation>
    </message>
    <message>
        <source>Save conversation as &amp;note…</source>
        <translation>Salvar conversa como &amp;nota…</translation>
    </message>
    <message>
        <source>&amp;Answer settings…</source>
        <translation>A&amp;justes de resposta…</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Notes &amp;folders…</source>
        <translation>&amp;Pastas de notas…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Write a message</source>
        <translation>&amp;Escrever uma mensagem</translation>
    </message>
    <message>
        <source>&amp;Search all chats</source>
        <translation>&amp;Buscar em todos os chats</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>Conversa &amp;anterior</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>&amp;Próxima conversa</translation>
    </message>
    <message>
        <source>Show/hide &amp;conversation list</source>
        <translation>Mostrar/ocultar a lista de &amp;conversas</translation>
    </message>
    <message>
        <source>&amp;Jump to latest</source>
        <translation>&amp;Ir para o fim</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>&amp;Privacidade…</translation>
    </message>
    <message>
        <source>&amp;About Cove</source>
        <translation>&amp;Sobre o Cove</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Message copied.</source>
        <translation>Mensagem copiada.</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it (Esc).</source>
        <translation>Espere a resposta terminar ou pare-a (Esc).</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>Excluir mensagem</translation>
    </message>
    <message>
        <source>Delete this message? The messages after it stay in the conversation.</source>
        <translation>Excluir esta mensagem? As mensagens depois dela continuam na conversa.</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>… {} more characters are not shown here: Copy or export gives the whole message.</source>
        <translation>… mais {} caracteres não são mostrados aqui: Copiar ou exportar dá a mensagem inteira.</translation>
    </message>
    <message>
        <source>Show all ({} more characters)</source>
        <translation>Mostrar tudo (mais {} caracteres)</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fontes</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>citada</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Carregando o modelo…</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>Lendo sua mensagem…</translation>
    </message>
    <message>
        <source>{} / {} tokens</source>
        <translation>{} / {} tokens</translation>
    </message>
    <message>
        <source>Attached: {} · {} tokens</source>
        <translation>Anexado: {} · {} tokens</translation>
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
        <translation>Gerar de novo</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Save as note</source>
        <translation>Salvar como nota</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Versão anterior</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>Próxima versão</translation>
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
        <translation>primeiro token em {} s</translation>
    </message>
    <message>
        <source>prompt {} tokens ({} new)</source>
        <translation>prompt {} tokens ({} novos)</translation>
    </message>
    <message>
        <source>drafts accepted {:.0%}</source>
        <translation>rascunhos aceitos: {:.0%}</translation>
    </message>
    <message>
        <source>{} earlier messages were left out to fit the model&apos;s context.</source>
        <translation>{} mensagens anteriores ficaram de fora para caber no contexto do modelo.</translation>
    </message>
    <message>
        <source>This answer failed.</source>
        <translation>Esta resposta falhou.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parada</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompida</translation>
    </message>
</context>
<context>
    <name>ModelImportActions</name>
    <message>
        <source>Add model file</source>
        <translation>Adicionar arquivo de modelo</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>Modelos GGUF (*.gguf);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Not a model file</source>
        <translation>Não é um arquivo de modelo</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Adicionando {}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Could not add the model</source>
        <translation>Não foi possível adicionar o modelo</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>No model yet</source>
        <translation>Ainda não há modelo</translation>
    </message>
    <message>
        <source>No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf file you have.</source>
        <translation>Ainda não há modelo: abra “Modelos…” para baixar um ou clique em “Adicionar arquivo de modelo…” para usar um arquivo .gguf que você tenha.</translation>
    </message>
    <message>
        <source>No model yet: click “Add model file…” to use a .gguf file from your administrator (downloads are turned off on this computer).</source>
        <translation>Ainda não há modelo: clique em “Adicionar arquivo de modelo…” para usar um arquivo .gguf do seu administrador (os downloads estão desativados neste computador).</translation>
    </message>
    <message>
        <source>Ready. Answers come from {}: your messages are sent to it, and the conversation is kept here.</source>
        <translation>Pronto. As respostas vêm de {}: suas mensagens são enviadas para lá, e a conversa fica guardada aqui.</translation>
    </message>
    <message>
        <source>Loading {}…</source>
        <translation>Carregando {}…</translation>
    </message>
    <message>
        <source>Ready. Loaded {} in {} s.</source>
        <translation>Pronto. {} carregado em {} s.</translation>
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
        <translation>Família</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>Quantização</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
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
        <translation>Local</translation>
    </message>
    <message>
        <source>For this computer</source>
        <translation>Para este computador</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licença</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
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
        <translation>grande demais</translation>
    </message>
    <message>
        <source>fast here</source>
        <translation>rápido aqui</translation>
    </message>
    <message>
        <source>usable here</source>
        <translation>usável aqui</translation>
    </message>
    <message>
        <source>slow here</source>
        <translation>lento aqui</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>recomendado</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progresso</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidade</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tempo restante</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
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
        <translation>o download de modelos está desativado</translation>
    </message>
    <message>
        <source>searching the Hub is turned off</source>
        <translation>a busca no Hub está desativada</translation>
    </message>
    <message>
        <source>models come from {}</source>
        <translation>os modelos vêm de {}</translation>
    </message>
    <message>
        <source>only the models your administrator allows will load</source>
        <translation>só os modelos que seu administrador permite serão carregados</translation>
    </message>
    <message>
        <source>shared models are in {}</source>
        <translation>os modelos compartilhados estão em {}</translation>
    </message>
    <message>
        <source>Set by your administrator: {}.</source>
        <translation>Definido pelo seu administrador: {}.</translation>
    </message>
    <message>
        <source>Embedding (notes)</source>
        <translation>Embedding (notas)</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>Modelo integrado</translation>
    </message>
    <message>
        <source>The starter model is part of Cove&apos;s installation and cannot be deleted here.</source>
        <translation>O modelo inicial faz parte da instalação do Cove e não pode ser excluído aqui.</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>Excluir modelo</translation>
    </message>
    <message>
        <source>Delete {} ({}) from this computer?</source>
        <translation>Excluir {} ({}) deste computador?</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>Não foi possível excluir</translation>
    </message>
    <message>
        <source>{} of free memory</source>
        <translation>{} de memória livre</translation>
    </message>
    <message>
        <source> and {} of free GPU memory ({})</source>
        <translation> e {} de memória de GPU livre ({})</translation>
    </message>
    <message>
        <source>This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly it would answer. ★ marks the best choice in each family.</source>
        <translation>Este computador tem {}. “cabe” deixa espaço para outros programas, “justo” pode deixar o computador lento, “grande demais” não vai funcionar bem; “rápido aqui”, “usável aqui” ou “lento aqui” diz com que rapidez ele responderia. ★ marca a melhor escolha de cada família.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
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
        <translation>Adicionar arquivo de modelo…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>Abrir a pasta</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>Modelo de chat…</translation>
    </message>
    <message>
        <source>Use your own chat template for the selected model</source>
        <translation>Usar seu próprio modelo de chat para o modelo selecionado</translation>
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
        <translation>Baixar</translation>
    </message>
    <message>
        <source>Download selected model</source>
        <translation>Baixar o modelo selecionado</translation>
    </message>
    <message>
        <source>&lt;b&gt;For your notes: find them by meaning&lt;/b&gt;</source>
        <translation>&lt;b&gt;Para suas notas: encontrá-las pelo significado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Embedding models</source>
        <translation>Modelos de embedding</translation>
    </message>
    <message>
        <source>Download selected embedding model</source>
        <translation>Baixar o modelo de embedding selecionado</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Search the Hub for GGUF models, e.g. “mistral 7b instruct”</source>
        <translation>Buscar modelos GGUF no Hub, p. ex. “mistral 7b instruct”</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Texto da busca</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Waiting for the Hub</source>
        <translation>Aguardando o Hub</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting for the Hub</source>
        <translation>Parar de aguardar o Hub</translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation>Repositórios encontrados</translation>
    </message>
    <message>
        <source>Files in the repository</source>
        <translation>Arquivos do repositório</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>Buscar no Hub</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>Modelo de rascunho</translation>
    </message>
    <message>
        <source>Measure speed-up</source>
        <translation>Medir a aceleração</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Downloads continue where they stopped, even after Cove restarts. Each file is checked against the SHA-256 the Hub reports before it can be used.</source>
        <translation>Os downloads continuam de onde pararam, mesmo depois que o Cove reinicia. Cada arquivo é conferido com o SHA-256 informado pelo Hub antes de poder ser usado.</translation>
    </message>
    <message>
        <source>Mirror address</source>
        <translation>Endereço do espelho</translation>
    </message>
    <message>
        <source>Hub token</source>
        <translation>Token do Hub</translation>
    </message>
    <message>
        <source>Offline: never use the network</source>
        <translation>Offline: nunca usar a rede</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Mirror address:</source>
        <translation>Endereço do espelho:</translation>
    </message>
    <message>
        <source>Hub token (for gated models):</source>
        <translation>Token do Hub (para modelos restritos):</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Rede</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy</source>
        <translation>Política do administrador</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>saved (type a new one to replace it)</source>
        <translation>salvo (digite um novo para substituí-lo)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Models come from {}.</source>
        <translation>Os modelos vêm de {}.</translation>
    </message>
    <message>
        <source>nowhere: Cove is offline</source>
        <translation>lugar nenhum: o Cove está offline</translation>
    </message>
    <message>
        <source>“{}” is not a web address. It should look like https://mirror.example.org</source>
        <translation>“{}” não é um endereço web. Deve ser algo como https://mirror.example.org</translation>
    </message>
</context>
<context>
    <name>NoteSavingActions</name>
    <message>
        <source>Save selection as note…</source>
        <translation>Salvar seleção como nota…</translation>
    </message>
    <message>
        <source>this answer</source>
        <translation>esta resposta</translation>
    </message>
    <message>
        <source>the selected text</source>
        <translation>o texto selecionado</translation>
    </message>
    <message>
        <source>Open a conversation first, then save it as a note.</source>
        <translation>Abra uma conversa primeiro e depois salve-a como nota.</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>esta conversa</translation>
    </message>
    <message>
        <source>Saving notes</source>
        <translation>Salvando notas</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>Salvo em {}</translation>
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
        <translation>Trecho citado</translation>
    </message>
    <message>
        <source>Note file</source>
        <translation>Arquivo da nota</translation>
    </message>
    <message>
        <source>Note state</source>
        <translation>Estado da nota</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto da nota</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Abrir no aplicativo padrão</translation>
    </message>
    <message>
        <source>Open the note in its default app</source>
        <translation>Abrir a nota no aplicativo padrão dela</translation>
    </message>
    <message>
        <source>This note has changed since the answer: shown is the passage as it was then.</source>
        <translation>Esta nota mudou desde a resposta: o trecho aparece como era na época.</translation>
    </message>
    <message>
        <source>This note cannot be read now ({}): shown is the passage as it was when the answer was written.</source>
        <translation>Esta nota não pode ser lida agora ({}): o trecho aparece como era quando a resposta foi escrita.</translation>
    </message>
    <message>
        <source>This note is no longer there: shown is the passage as it was when the answer was written.</source>
        <translation>Esta nota não existe mais: o trecho aparece como era quando a resposta foi escrita.</translation>
    </message>
</context>
<context>
    <name>NotesActions</name>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Set by your administrator: notes folders must be inside {}.</source>
        <translation>Definido pelo seu administrador: as pastas de notas devem ficar dentro de {}.</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Adicionar uma pasta de notas</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>Adicionando {}…</translation>
    </message>
    <message>
        <source>Remove notes folder</source>
        <translation>Remover pasta de notas</translation>
    </message>
    <message>
        <source>Remove {} from your notes?

Cove forgets what it read there; the files themselves are untouched.</source>
        <translation>Remover {} das suas notas?

O Cove esquece o que leu lá; os arquivos em si não são alterados.</translation>
    </message>
    <message>
        <source>Files that could not be read ({}): they are skipped; the rest of the folder is indexed.</source>
        <translation>Arquivos que não puderam ser lidos ({}): eles são ignorados; o resto da pasta é indexado.</translation>
    </message>
    <message>
        <source>Notes indexing paused {}%</source>
        <translation>Indexação de notas pausada {}%</translation>
    </message>
    <message>
        <source>Indexing notes {}%</source>
        <translation>Indexando notas {}%</translation>
    </message>
    <message>
        <source>Paused: </source>
        <translation>Pausado: </translation>
    </message>
    <message>
        <source>Indexing </source>
        <translation>Indexando </translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Pausado.</translation>
    </message>
    <message>
        <source>Looking for changes in your notes folders…</source>
        <translation>Procurando alterações nas suas pastas de notas…</translation>
    </message>
    <message>
        <source>Meaning search is off for now: {}</source>
        <translation>A busca por significado está desativada por enquanto: {}</translation>
    </message>
    <message>
        <source>Meaning search: finding what each passage means, {} of {}…</source>
        <translation>Busca por significado: analisando o que cada trecho significa, {} de {}…</translation>
    </message>
    <message>
        <source>Search finds the passages that use your words. Download an embedding model (Models…, “For your notes”) to also find those that say the same in other words: “what did I pay the plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else.</source>
        <translation>A busca encontra os trechos que usam suas palavras. Baixe um modelo de embedding (Modelos…, “Para suas notas”) para encontrar também os que dizem o mesmo com outras palavras: “quanto paguei ao encanador?” encontra então “nota fiscal: conserto do aquecedor”. Ele roda neste computador, como todo o resto.</translation>
    </message>
    <message>
        <source>Meaning search is on ({}): passages are found by what they mean as well as by their words.</source>
        <translation>A busca por significado está ativada ({}): os trechos são encontrados pelo que significam e também pelas palavras.</translation>
    </message>
</context>
<context>
    <name>NotesChatActions</name>
    <message>
        <source>Answering from your notes</source>
        <translation>Respondendo com base nas suas notas</translation>
    </message>
    <message>
        <source>Answer from your notes folders and cite them. There are no notes folders yet: click to add one.</source>
        <translation>Responder com base nas suas pastas de notas e citá-las. Ainda não há pastas de notas: clique para adicionar uma.</translation>
    </message>
    <message>
        <source>Answer from your notes folders, citing the passages used as [1], [2]. Remembered for this conversation.</source>
        <translation>Responder com base nas suas pastas de notas, citando os trechos usados como [1], [2]. Lembrado para esta conversa.</translation>
    </message>
    <message>
        <source>Cove could not save this choice ({}). Try again in a moment.</source>
        <translation>O Cove não conseguiu salvar esta escolha ({}). Tente de novo daqui a pouco.</translation>
    </message>
    <message>
        <source>No notes folders yet</source>
        <translation>Ainda não há pastas de notas</translation>
    </message>
    <message>
        <source>Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads it, unless you save a note there. Add a notes folder now?</source>
        <translation>Para isso, o Cove precisa de uma pasta de notas (Markdown, texto, PDF, Word ou HTML). Ele só a lê, a menos que você salve uma nota nela. Adicionar uma pasta de notas agora?</translation>
    </message>
    <message>
        <source>This answer does not use them.</source>
        <translation>Esta resposta não as usa.</translation>
    </message>
    <message>
        <source>Your notes could not be used for this answer ({}).</source>
        <translation>Não foi possível usar suas notas nesta resposta ({}).</translation>
    </message>
    <message>
        <source>Meaning search is off for now ({}); your notes were searched by their words.</source>
        <translation>A busca por significado está desativada por enquanto ({}); suas notas foram buscadas pelas palavras.</translation>
    </message>
    <message>
        <source>The passages could not be stored ({}), so this answer does not use your notes.</source>
        <translation>Não foi possível guardar os trechos ({}), então esta resposta não usa suas notas.</translation>
    </message>
    <message>
        <source>Your notes could not be searched ({}). The answer does not use them.</source>
        <translation>Não foi possível buscar nas suas notas ({}). A resposta não as usa.</translation>
    </message>
    <message>
        <source>No notes folders yet, so this answer does not use your notes. Add one in Notes.</source>
        <translation>Ainda não há pastas de notas, então esta resposta não usa suas notas. Adicione uma em Notas.</translation>
    </message>
    <message>
        <source>Nothing in your notes matches this question, so the answer does not use them.</source>
        <translation>Nada nas suas notas corresponde a esta pergunta, então a resposta não as usa.</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Notes folders</source>
        <translation>Pastas de notas</translation>
    </message>
    <message>
        <source>Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only reads them and keeps its index on this computer; changes are picked up while Cove runs.</source>
        <translation>O Cove responde com base nas notas destas pastas: arquivos Markdown, de texto, PDF, Word e HTML. Ele só os lê e guarda o índice neste computador; as alterações são percebidas enquanto o Cove está aberto.</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Adicionar pasta…</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>Adicionar uma pasta de notas</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove the selected notes folder</source>
        <translation>Remover a pasta de notas selecionada</translation>
    </message>
    <message>
        <source>Forget this folder; its files are not touched</source>
        <translation>Esquecer esta pasta; os arquivos dela não são alterados</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>Progresso da indexação</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>Pausar indexação</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>Retomar indexação</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>Cancelar indexação</translation>
    </message>
    <message>
        <source>Stop this pass; what is indexed so far is kept</source>
        <translation>Parar esta passagem; o que já foi indexado é mantido</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>Arquivos que não puderam ser lidos</translation>
    </message>
    <message>
        <source>Search finds passages with your words. Meaning search, which also finds passages that say the same in other words, comes with an embedding model.</source>
        <translation>A busca encontra trechos com suas palavras. A busca por significado, que também encontra trechos que dizem o mesmo com outras palavras, vem com um modelo de embedding.</translation>
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
        <translation> · faltam cerca de {}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Privacidade</translation>
    </message>
    <message>
        <source>Searching is turned off by your administrator.</source>
        <translation>A busca foi desativada pelo seu administrador.</translation>
    </message>
    <message>
        <source>Downloads are turned off by your administrator.</source>
        <translation>Os downloads foram desativados pelo seu administrador.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your conversations are stored only on this computer: no account, no telemetry, no cloud. Cove uses the network only when you ask it to, and only for these requests (to the model Hub, the mirror in use, or a remote server you added):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Hub address in use: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Suas conversas ficam guardadas só neste computador: sem conta, sem telemetria, sem nuvem. O Cove usa a rede só quando você pede, e só para estas solicitações (ao Hub de modelos, ao espelho em uso ou a um servidor remoto que você adicionou):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Endereço do Hub em uso: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cove is offline: it makes no network requests at all.</source>
        <translation>O Cove está offline: ele não faz nenhuma solicitação de rede.</translation>
    </message>
    <message>
        <source>Cove is online: the requests above are made when you use them. Turn on offline mode in Settings › Privacy to make none.</source>
        <translation>O Cove está online: as solicitações acima são feitas quando você as usa. Ative o modo offline em Configurações › Privacidade para não fazer nenhuma.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Network requests made</source>
        <translation>Solicitações de rede feitas</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidade</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Abrir a pasta do registro</translation>
    </message>
    <message>
        <source>Requests Cove made ({}), newest first. The log is {}.</source>
        <translation>Solicitações feitas pelo Cove ({}), as mais recentes primeiro. O registro é {}.</translation>
    </message>
    <message>
        <source>Cove has made no network requests (log: {}).</source>
        <translation>O Cove não fez nenhuma solicitação de rede (registro: {}).</translation>
    </message>
</context>
<context>
    <name>RemoteServersActions</name>
    <message>
        <source>  (set by your administrator)</source>
        <translation>  (definido pelo seu administrador)</translation>
    </message>
    <message>
        <source>  · key stored</source>
        <translation>  · chave guardada</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>Pacote de CA (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Asking {} for its models…</source>
        <translation>Perguntando a {} quais modelos ele tem…</translation>
    </message>
    <message>
        <source>The key could not be stored ({}).</source>
        <translation>Não foi possível guardar a chave ({}).</translation>
    </message>
    <message>
        <source>Added {}: {} models ({}). They are in the model picker, marked “on {}”.</source>
        <translation>{} adicionado: {} modelos ({}). Eles estão no seletor de modelos, marcados “em {}”.</translation>
    </message>
    <message>
        <source>Removed {} and its stored key.</source>
        <translation>{} e a chave guardada dele foram removidos.</translation>
    </message>
</context>
<context>
    <name>RemoteServersTab</name>
    <message>
        <source>Servers that run models for Cove: vLLM, llama.cpp&apos;s llama-server, Ollama, or another Cove. Their models appear in the model picker, marked with the server&apos;s name. When you chat with one, your messages are sent to that server; the conversation is stored only on this computer.</source>
        <translation>Servidores que rodam modelos para o Cove: vLLM, llama-server do llama.cpp, Ollama ou outro Cove. Os modelos deles aparecem no seletor de modelos, marcados com o nome do servidor. Quando você conversa com um deles, suas mensagens são enviadas a esse servidor; a conversa fica guardada só neste computador.</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>Servidores remotos</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Remover servidor</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>optional: for an on-prem certificate</source>
        <translation>opcional: para um certificado interno da empresa</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>Pacote de CA</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Adicionar servidor</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>no limit</source>
        <translation>sem limite</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aleatória</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Lower: focused and predictable. Higher: more varied and inventive.</source>
        <translation>Mais baixa: focada e previsível. Mais alta: mais variada e criativa.</translation>
    </message>
    <message>
        <source>How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits conversation; above 1 wanders.</source>
        <translation>Com quanta liberdade a próxima palavra é escolhida. 0 sempre pega a palavra mais provável; cerca de 0,7 combina com conversa; acima de 1 divaga.</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Picks only among the likeliest words that together make up this share (1 = all).</source>
        <translation>Escolhe só entre as palavras mais prováveis que juntas somam esta parcela (1 = todas).</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Picks only among this many likeliest words.</source>
        <translation>Escolhe só entre esta quantidade de palavras mais prováveis.</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Leaves out words less likely than this share of the likeliest one (0 = off).</source>
        <translation>Deixa de fora as palavras menos prováveis que esta parcela da mais provável (0 = desativado).</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>Penalidade de repetição</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words (1 = off).</source>
        <translation>Acima de 1 desestimula repetir as mesmas palavras (1 = desativado).</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>Resposta mais longa (tokens)</translation>
    </message>
    <message>
        <source>An answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>Uma resposta para depois desta quantidade de tokens (um token é cerca de ¾ de uma palavra).</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semente</translation>
    </message>
    <message>
        <source>Random: a new answer each time. A number: the same question gets the same answer.</source>
        <translation>Aleatória: uma resposta nova a cada vez. Um número: a mesma pergunta recebe a mesma resposta.</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <source>Save as note</source>
        <translation>Salvar como nota</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>Título da nota</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meeting, budget</source>
        <translation>Separadas por vírgula, p. ex. reunião, orçamento</translation>
    </message>
    <message>
        <source>Notes folder</source>
        <translation>Pasta de notas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modelo de texto</translation>
    </message>
    <message>
        <source>None: the text as it is</source>
        <translation>Nenhum: o texto como está</translation>
    </message>
    <message>
        <source>Why the note was not saved</source>
        <translation>Por que a nota não foi salva</translation>
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
        <translation>Pasta:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Modelo de texto:</translation>
    </message>
    <message>
        <source>Saves {} as a Markdown file in your notes folder; it is searchable at once.</source>
        <translation>Salva {} como arquivo Markdown na sua pasta de notas; ele pode ser buscado na hora.</translation>
    </message>
    <message>
        <source>Folder for the note</source>
        <translation>Pasta da nota</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Search failed ({}).</source>
        <translation>A busca falhou ({}).</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Nada encontrado.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Resposta</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Let other programs on this computer (an editor, a script) use your models through the OpenAI API, as the cove serve command does. Your conversations stay here; requests are written to the request log without their content.</source>
        <translation>Permita que outros programas deste computador (um editor, um script) usem seus modelos pela API da OpenAI, como faz o comando cove serve. Suas conversas ficam aqui; as solicitações são gravadas no registro de solicitações sem o conteúdo delas.</translation>
    </message>
    <message>
        <source>Serve my models to other programs</source>
        <translation>Servir meus modelos a outros programas</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>Somente este computador</translation>
    </message>
    <message>
        <source>Other computers on the network (needs the key)</source>
        <translation>Outros computadores da rede (exige a chave)</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>Quem pode se conectar</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Endereço do servidor</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Gerar nova chave</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Modelos servidos</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only this once. It is stored in {}, readable by you only.</source>
        <translation>Copie a chave agora: ela só é mostrada esta vez. Ela fica guardada em {}, legível só por você.</translation>
    </message>
    <message>
        <source>stored in {}</source>
        <translation>guardada em {}</translation>
    </message>
    <message>
        <source>none needed on this computer only</source>
        <translation>não é necessária se for só este computador</translation>
    </message>
    <message>
        <source>Other computers must send the key (Authorization: Bearer KEY).</source>
        <translation>Outros computadores precisam enviar a chave (Authorization: Bearer CHAVE).</translation>
    </message>
    <message>
        <source>no models yet: download one in Models</source>
        <translation>nenhum modelo ainda: baixe um em Modelos</translation>
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
        <translation>Servindo em {}/v1</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>Servidor parado.</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>Processor</source>
        <translation>Processador</translation>
    </message>
    <message>
        <source>{} · {} cores ({} threads) · {} memory ({} free)</source>
        <translation>{} · {} núcleos ({} threads) · {} de memória ({} livres)</translation>
    </message>
    <message>
        <source>{} · {} cores · {} memory ({} free)</source>
        <translation>{} · {} núcleos · {} de memória ({} livres)</translation>
    </message>
    <message>
        <source>GPU: {} (this build cannot offload to it)</source>
        <translation>GPU: {} (esta compilação não consegue usá-la)</translation>
    </message>
    <message>
        <source>GPU: {}</source>
        <translation>GPU: {}</translation>
    </message>
    <message>
        <source>GPU: none used (this llama.cpp build runs models on the processor)</source>
        <translation>GPU: nenhuma em uso (esta compilação do llama.cpp roda os modelos no processador)</translation>
    </message>
    <message>
        <source>Load a model to see the accelerations llama.cpp uses and how it runs the model.</source>
        <translation>Carregue um modelo para ver as acelerações que o llama.cpp usa e como ele roda o modelo.</translation>
    </message>
    <message>
        <source>Accelerations: {}</source>
        <translation>Acelerações: {}</translation>
    </message>
    <message>
        <source>none beyond the basics</source>
        <translation>nenhuma além das básicas</translation>
    </message>
    <message>
        <source>all layers on the GPU</source>
        <translation>todas as camadas na GPU</translation>
    </message>
    <message>
        <source>{} layers on the GPU</source>
        <translation>{} camadas na GPU</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>só CPU</translation>
    </message>
    <message>
        <source>Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, {} for reading · flash attention {} · KV cache {}</source>
        <translation>Em uso: llama.cpp {} · {} · contexto de {} tokens · {} threads para responder, {} para ler · flash attention {} · cache KV {}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ativada</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desativada</translation>
    </message>
    <message>
        <source>Encryption and passphrase…</source>
        <translation>Criptografia e frase secreta…</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>Modelo de chat</translation>
    </message>
    <message>
        <source>Jinja chat template for {} (leave empty to use the one in the file):</source>
        <translation>Modelo de chat Jinja para {} (deixe vazio para usar o do arquivo):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>How every model writes its answers, unless a model or a conversation has its own settings (Chat › Answer settings).</source>
        <translation>Como cada modelo escreve as respostas, a menos que um modelo ou uma conversa tenha ajustes próprios (Chat › Ajustes de resposta).</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automático</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ativado</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desativado</translation>
    </message>
    <message>
        <source>f16 (best quality)</source>
        <translation>f16 (melhor qualidade)</translation>
    </message>
    <message>
        <source>q8_0 (half the memory; rewrites sooner)</source>
        <translation>q8_0 (metade da memória; reescritas mais rápidas)</translation>
    </message>
    <message>
        <source>q4_0 (a quarter)</source>
        <translation>q4_0 (um quarto)</translation>
    </message>
    <message>
        <source>leave out the oldest messages</source>
        <translation>deixar de fora as mensagens mais antigas</translation>
    </message>
    <message>
        <source>stop and tell me</source>
        <translation>parar e me avisar</translation>
    </message>
    <message>
        <source>Read my message while I type (faster first word)</source>
        <translation>Ler minha mensagem enquanto digito (primeira palavra mais rápida)</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>Tamanho do contexto (tokens)</translation>
    </message>
    <message>
        <source>Threads for answers</source>
        <translation>Threads para respostas</translation>
    </message>
    <message>
        <source>Threads for reading prompts</source>
        <translation>Threads para ler prompts</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>Camadas na GPU</translation>
    </message>
    <message>
        <source>Flash attention</source>
        <translation>Flash attention</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>Tipo de cache KV</translation>
    </message>
    <message>
        <source>When a chat outgrows the context</source>
        <translation>Quando um chat excede o contexto</translation>
    </message>
    <message>
        <source>Saved conversation states</source>
        <translation>Estados de conversa salvos</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Este computador</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Empty the trash of chats deleted more than</source>
        <translation>Esvaziar da lixeira os chats excluídos há mais de</translation>
    </message>
    <message>
        <source>Daily backups of the conversations to keep</source>
        <translation>Backups diários das conversas a manter</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Abrir a pasta de dados</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir o sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>tamanho do sistema</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Conversation text size</source>
        <translation>Tamanho do texto da conversa</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Applies when Cove restarts</source>
        <translation>Vale quando o Cove reiniciar</translation>
    </message>
    <message>
        <source>Offline: never use the network, not even for model search and downloads</source>
        <translation>Offline: nunca usar a rede, nem para buscar e baixar modelos</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. The network is used only when you search for or download a model (from the Hugging Face Hub, or the mirror set in Models › Network), and when you chat with a model of a remote server (Settings › Remote servers): your messages then go to that server.</source>
        <translation>Suas conversas nunca saem deste computador: o Cove não tem conta, telemetria nem nuvem. A rede só é usada quando você busca ou baixa um modelo (do Hub do Hugging Face ou do espelho definido em Modelos › Rede) e quando conversa com um modelo de um servidor remoto (Configurações › Servidores remotos): suas mensagens vão então para esse servidor.</translation>
    </message>
    <message>
        <source>Encrypt my conversations…</source>
        <translation>Criptografar minhas conversas…</translation>
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
        <translation>Bloquear após minutos ocioso</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>Bloquear após ficar ocioso por:</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>Excluir todos os meus dados…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>Excluir todos os meus dados</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respostas</translation>
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
        <translation>Aparência</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Privacidade</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>Set by your administrator ({}):</source>
        <translation>Definido pelo seu administrador ({}):</translation>
    </message>
    <message>
        <source>Model downloads: {}</source>
        <translation>Download de modelos: {}</translation>
    </message>
    <message>
        <source>Hub search: {}</source>
        <translation>Busca no Hub: {}</translation>
    </message>
    <message>
        <source>Exporting conversations: {}</source>
        <translation>Exportação de conversas: {}</translation>
    </message>
    <message>
        <source>Models come only from: {}</source>
        <translation>Os modelos vêm só de: {}</translation>
    </message>
    <message>
        <source>Allowed models: {}</source>
        <translation>Modelos permitidos: {}</translation>
    </message>
    <message>
        <source>Conversations are deleted after {} days without activity</source>
        <translation>As conversas são excluídas após {} dias sem atividade</translation>
    </message>
    <message>
        <source>Only an administrator can change these.</source>
        <translation>Só um administrador pode alterar isto.</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Could not save settings to {} ({}).</source>
        <translation>Não foi possível salvar as configurações em {} ({}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>Enviar a mensagem</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nova linha na mensagem</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel editing a message</source>
        <translation>Parar a resposta ou cancelar a edição de uma mensagem</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>Mover entre os controles</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>Renomear a conversa selecionada</translation>
    </message>
    <message>
        <source>Move the selected conversation to the trash</source>
        <translation>Mover a conversa selecionada para a lixeira</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Ação</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>Your computer is busy: answers are slower</source>
        <translation>Seu computador está ocupado: as respostas ficam mais lentas</translation>
    </message>
    <message>
        <source>Other programs are using most of the processor, so this answer comes slower than usual. Closing them speeds it up.</source>
        <translation>Outros programas estão usando quase todo o processador, então esta resposta chega mais devagar que o normal. Fechá-los acelera a resposta.</translation>
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
        <translation>Prompt do sistema</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinição</translation>
    </message>
    <message>
        <source>System prompt text</source>
        <translation>Texto do prompt do sistema</translation>
    </message>
    <message>
        <source>No system prompt: the model&apos;s own default applies.</source>
        <translation>Sem prompt do sistema: vale o padrão do próprio modelo.</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Salvar como predefinição…</translation>
    </message>
    <message>
        <source>Update preset</source>
        <translation>Atualizar predefinição</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Excluir predefinição</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Predefinição:</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation:</source>
        <translation>Instruções que o modelo segue nesta conversa:</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>(personalizado)</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Salvar como predefinição</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Nome da predefinição:</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Conversation transcript</source>
        <translation>Transcrição da conversa</translation>
    </message>
    <message>
        <source>Type a message below to start.</source>
        <translation>Digite uma mensagem abaixo para começar.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Show {} earlier messages</source>
        <translation>Mostrar {} mensagens anteriores</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About Cove</source>
        <translation>Sobre o Cove</translation>
    </message>
    <message>
        <source>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;A private chat assistant that runs open models on this computer.&lt;br&gt;Your conversations stay on this computer. Cove sends nothing except the requests listed on the Privacy page, which you start: model search and downloads from the Hub.</source>
        <translation>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;Um assistente de chat privado que roda modelos abertos neste computador.&lt;br&gt;Suas conversas ficam neste computador. O Cove não envia nada além das solicitações listadas na página Privacidade, que você inicia: busca e download de modelos do Hub.</translation>
    </message>
</context>
</TS>
