<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Welcome to Cove</source>
        <translation>欢迎使用 Cove</translation>
    </message>
    <message>
        <source>Start now</source>
        <translation>立即开始</translation>
    </message>
    <message>
        <source>Start chatting</source>
        <translation>开始聊天</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer. Cove has no account, no cloud and no telemetry; it uses the network only when you download a model.</source>
        <translation>您写下的一切都留在这台电脑上。Cove 没有账户、没有云端、没有遥测；只有在您下载模型时才会使用网络。</translation>
    </message>
    <message>
        <source>Your conversations are stored only on this computer. Cove has no account, no cloud and no telemetry; the model picked runs on a remote server, so your messages are sent to it.</source>
        <translation>您的对话只保存在这台电脑上。Cove 没有账户、没有云端、没有遥测；所选模型运行在远程服务器上，因此您的消息会发送给它。</translation>
    </message>
    <message>
        <source>{} is ready.</source>
        <translation>{} 已就绪。</translation>
    </message>
    <message>
        <source>The built-in {} ({}) works offline, so you can try Cove at once. It is very small: fine for short, simple questions, but it makes mistakes and misses instructions.</source>
        <translation>内置的 {}（{}）可离线使用，您现在就能试用 Cove。它非常小：适合简短、简单的问题，但会出错，也会漏掉指令。</translation>
    </message>
    <message>
        <source>Add a .gguf file you have</source>
        <translation>添加您已有的 .gguf 文件</translation>
    </message>
    <message>
        <source>There is no model yet.</source>
        <translation>还没有模型。</translation>
    </message>
    <message>
        <source>Cove speaks {}. To change its language, open Settings › Appearance › Language; the change applies when Cove restarts.</source>
        <translation>Cove 支持以下语言：{}。要更改语言，请打开 设置 › 外观 › 语言；重启 Cove 后生效。</translation>
    </message>
    <message>
        <source>Downloading models</source>
        <translation>下载模型</translation>
    </message>
    <message>
        <source>A better model for this computer</source>
        <translation>更适合这台电脑的模型</translation>
    </message>
    <message>
        <source>See all models</source>
        <translation>查看所有模型</translation>
    </message>
    <message>
        <source>Looking at this computer&apos;s memory…</source>
        <translation>正在查看这台电脑的内存…</translation>
    </message>
    <message>
        <source>None of the recommended models would fit and answer quickly on this computer: the built-in model is the one that runs well here.</source>
        <translation>推荐的模型在这台电脑上都无法装下并快速回答：内置模型是在这里运行良好的那个。</translation>
    </message>
    <message>
        <source>Download {} ({})</source>
        <translation>下载 {}（{}）</translation>
    </message>
    <message>
        <source>Downloads once from Hugging Face ({} build), then works offline like the built-in model.</source>
        <translation>从 Hugging Face 下载一次（{} 版本），之后像内置模型一样离线使用。</translation>
    </message>
    <message>
        <source>Show or hide the conversation list</source>
        <translation>显示或隐藏对话列表</translation>
    </message>
    <message>
        <source>Show or hide the conversation list (Ctrl+B)</source>
        <translation>显示或隐藏对话列表（Ctrl+B）</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <source>System prompt for this conversation</source>
        <translation>此对话的系统提示词</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>模型在此对话中遵循的指令</translation>
    </message>
    <message>
        <source>Use my notes</source>
        <translation>使用我的笔记</translation>
    </message>
    <message>
        <source>Use my notes in this conversation</source>
        <translation>在此对话中使用我的笔记</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Models…</source>
        <translation>模型…</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>打开模型库</translation>
    </message>
    <message>
        <source>Installed models, recommended models, Hub search and downloads (Ctrl+M)</source>
        <translation>已安装的模型、推荐的模型、Hub 搜索和下载（Ctrl+M）</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add model file</source>
        <translation>添加模型文件</translation>
    </message>
    <message>
        <source>Add a model file: copy a .gguf file into Cove&apos;s models folder</source>
        <translation>添加模型文件：将 .gguf 文件复制到 Cove 的模型文件夹</translation>
    </message>
</context>
<context>
    <name>AnswerSession</name>
    <message>
        <source>Your message could not be saved ({}), so it was not sent. It is still in the box: try again in a moment.</source>
        <translation>无法保存您的消息（{}），因此没有发送。它仍在输入框中：请稍后重试。</translation>
    </message>
    <message>
        <source>A remote model cannot carry on a stopped answer where it ended: regenerate it instead (a new version, beside this one).</source>
        <translation>远程模型无法从停止处继续已停止的回答：请改为重新生成（新版本，与此版本并列）。</translation>
    </message>
    <message>
        <source>Add a model first: click “Add model file…”.</source>
        <translation>请先添加模型：点击“添加模型文件…”。</translation>
    </message>
    <message>
        <source>Cove could not write to its database ({}).</source>
        <translation>Cove 无法写入其数据库（{}）。</translation>
    </message>
    <message>
        <source>Generating… (Esc to stop)</source>
        <translation>正在生成…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Looking in your notes… (Esc to stop)</source>
        <translation>正在查找您的笔记…（按 Esc 停止）</translation>
    </message>
    <message>
        <source>Stopped. What was written is saved.</source>
        <translation>已停止。已写出的内容已保存。</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>The answer reached the length limit.</source>
        <translation>回答已达到长度上限。</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <source>The answer could not be saved ({}). It stays on screen; copy what you need before closing.</source>
        <translation>无法保存回答（{}）。它仍显示在屏幕上；关闭前请复制您需要的内容。</translation>
    </message>
</context>
<context>
    <name>AttachmentActions</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Files cannot be attached here: this conversation is in the trash. Restore it first, or start a new chat.</source>
        <translation>无法在此附加文件：此对话在回收站中。请先恢复它，或开始新聊天。</translation>
    </message>
    <message>
        <source>“{}” is already attached.</source>
        <translation>“{}”已附加。</translation>
    </message>
    <message>
        <source>use a model with a larger context, or raise “Context size” in Settings</source>
        <translation>请使用上下文更大的模型，或在设置中调高“上下文大小”</translation>
    </message>
    <message>
        <source>This message with its files takes about {} tokens, too many for the model&apos;s context of {} tokens (with {} left for the answer), so it cannot be answered. Remove a file or attach a shorter part of it, or {}.</source>
        <translation>这条消息连同文件约有 {} 个词元，超出了模型 {} 个词元的上下文（其中 {} 个留给回答），因此无法回答。请移除一个文件或附加其中较短的部分，或{}。</translation>
    </message>
    <message>
        <source>it would not be answered (Settings: “When a chat outgrows the context” is “stop and tell me”)</source>
        <translation>它将不会被回答（设置：“聊天超出上下文时”为“停止并告诉我”）</translation>
    </message>
    <message>
        <source>the oldest messages will be left out of what the model reads</source>
        <translation>最早的消息将不会被模型读取</translation>
    </message>
    <message>
        <source>With these files the conversation takes about {} tokens, more than the model&apos;s context of {} tokens (with {} left for the answer): {}. Remove a file or start a new chat for it, or {}.</source>
        <translation>加上这些文件，对话约有 {} 个词元，超出了模型 {} 个词元的上下文（其中 {} 个留给回答）：{}。请移除一个文件或为它开始新聊天，或{}。</translation>
    </message>
</context>
<context>
    <name>AttachmentBar</name>
    <message>
        <source>Attached files</source>
        <translation>已附加的文件</translation>
    </message>
    <message>
        <source>Attachment warning</source>
        <translation>附件警告</translation>
    </message>
    <message>
        <source> and {} more</source>
        <translation> 以及另外 {} 个</translation>
    </message>
    <message>
        <source>Reading {}…</source>
        <translation>正在读取 {}…</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {}</source>
        <translation>移除 {}</translation>
    </message>
    <message>
        <source>Remove {} from this message</source>
        <translation>从此消息中移除 {}</translation>
    </message>
    <message>
        <source>{} · {} tokens</source>
        <translation>{} · {} 个词元</translation>
    </message>
    <message>
        <source>{}: {}, {} tokens{}</source>
        <translation>{}：{}，{} 个词元{}</translation>
    </message>
    <message>
        <source> (an estimate until the model has counted them)</source>
        <translation>（模型计数前为估计值）</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>New chat</source>
        <translation>新聊天</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer.
Type a message below to start.</source>
        <translation>您写下的一切都留在这台电脑上。
在下方输入消息即可开始。</translation>
    </message>
    <message>
        <source>This conversation is in the trash. Restore it to write in it.</source>
        <translation>此对话在回收站中。恢复后才能在其中书写。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message Cove…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>给 Cove 发消息…  （Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>附加…</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Attach text or Markdown files</source>
        <translation>附加文本或 Markdown 文件</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it as a new version (the old one is kept). Esc cancels.</source>
        <translation>正在编辑消息：Enter 将其作为新版本发送（保留旧版本）。Esc 取消。</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>停止回答</translation>
    </message>
</context>
<context>
    <name>ConversationActions</name>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>永久删除…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Moved “{}” to the archive.</source>
        <translation>已将“{}”移至归档。</translation>
    </message>
    <message>
        <source>Moved “{}” back to the chats.</source>
        <translation>已将“{}”移回聊天。</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation</source>
        <translation>模型在此对话中遵循的指令</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>System prompt: {}</source>
        <translation>系统提示词：{}</translation>
    </message>
    <message>
        <source>Moved “{}” to the trash.</source>
        <translation>已将“{}”移至回收站。</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <source>Restored “{}” to the chats.</source>
        <translation>已将“{}”恢复到聊天。</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete “{}” and all its messages for good? This cannot be undone.</source>
        <translation>永久删除“{}”及其所有消息？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Delete the {} conversations in the trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 {} 个对话？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>ConversationListModel</name>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <source>Pinned: </source>
        <translation>已置顶：</translation>
    </message>
</context>
<context>
    <name>DataDeletionActions</name>
    <message>
        <source>Delete all my data</source>
        <translation>删除我的所有数据</translation>
    </message>
    <message>
        <source>Also delete downloaded models ({})</source>
        <translation>同时删除已下载的模型（{}）</translation>
    </message>
    <message>
        <source>This deletes, and cannot be undone:</source>
        <translation>这将删除以下内容，且无法撤销：</translation>
    </message>
    <message>
        <source>Settings are kept. Export conversations you want to keep first.</source>
        <translation>设置会保留。请先导出您想保留的对话。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted:</source>
        <translation>已删除：</translation>
    </message>
</context>
<context>
    <name>DownloadsModel</name>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>failed: {} — {}</source>
        <translation>失败：{} — {}</translation>
    </message>
    <message>
        <source>{}% of {}</source>
        <translation>{}%，共 {}</translation>
    </message>
    <message>
        <source>asking the Hub for the file…</source>
        <translation>正在向 Hub 请求文件…</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
</context>
<context>
    <name>DraftDetails</name>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Draft model: {} (drafts the next words; the answer stays the same)</source>
        <translation>草稿模型：{}（预先起草后面的词；回答保持不变）</translation>
    </message>
    <message>
        <source>Speed-up here: not measured yet.</source>
        <translation>本机加速：尚未测量。</translation>
    </message>
    <message>
        <source>Speed-up here: none with the current engine settings (drafts are checked with a q8_0 KV cache, or with flash attention on and one generation thread).</source>
        <translation>本机加速：在当前引擎设置下没有（草稿需使用 q8_0 KV 缓存，或开启 flash attention 且只用一个生成线程时才会被验证）。</translation>
    </message>
    <message>
        <source>Speed-up here: {:.2f}× ({:.0%} of drafts accepted).</source>
        <translation>本机加速：{:.2f}×（{:.0%} 的草稿被接受）。</translation>
    </message>
    <message>
        <source>Measuring the speed-up (about a minute)…</source>
        <translation>正在测量加速效果（约一分钟）…</translation>
    </message>
    <message>
        <source>Could not measure the speed-up: {}</source>
        <translation>无法测量加速效果：{}</translation>
    </message>
</context>
<context>
    <name>EmbeddingCatalog</name>
    <message>
        <source>Find notes by meaning, not only by their words: ask “when is the dentist?” and Cove also finds the note that says “appointment with Dr. Reyes on Tuesday”. An embedding model does this on this computer, beside the chat model, in little memory; your notes never leave it. It cannot chat, so the model picker does not offer it.</source>
        <translation>按含义查找笔记，而不只是按字词：问“牙医是哪天？”，Cove 也会找到写着“周二与 Reyes 医生预约”的笔记。这由一个嵌入模型在这台电脑上完成，与聊天模型并行，占用内存很少；您的笔记从不离开这台电脑。它不能聊天，因此模型选择器不会提供它。</translation>
    </message>
    <message>
        <source>In use for your notes: {}.</source>
        <translation>正用于您的笔记：{}。</translation>
    </message>
    <message>
        <source>None installed: notes are found by their words only. Download one to find them by meaning too.</source>
        <translation>未安装：只能按字词查找笔记。下载一个即可同时按含义查找。</translation>
    </message>
</context>
<context>
    <name>EncryptionDialog</name>
    <message>
        <source>Encrypt my conversations</source>
        <translation>加密我的对话</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新密码短语</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>再次输入新密码短语</translation>
    </message>
    <message>
        <source>Also keep the key in this computer&apos;s keyring (unlock when I log in)</source>
        <translation>同时将密钥保存在这台电脑的钥匙串中（登录时解锁）</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>密码短语：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>关闭加密…</translation>
    </message>
    <message>
        <source>Your conversations, their backups, the notes index and the engine&apos;s saved states are encrypted on disk. Change the passphrase below.</source>
        <translation>您的对话、其备份、笔记索引和引擎保存的状态都已在磁盘上加密。可在下方更改密码短语。</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>更改密码短语</translation>
    </message>
    <message>
        <source>Your conversations are stored unencrypted. Encrypting them protects them if this computer, its disk or a backup of it gets into other hands.</source>
        <translation>您的对话以未加密方式保存。加密后，即使这台电脑、其磁盘或备份落入他人之手，对话也能受到保护。</translation>
    </message>
    <message>
        <source>Keeping conversations unencrypted</source>
        <translation>保持对话不加密</translation>
    </message>
    <message>
        <source>Cove will ask for the passphrase when it starts.</source>
        <translation>Cove 启动时会要求输入密码短语。</translation>
    </message>
    <message>
        <source>Your conversations are encrypted. This is your recovery key: it opens them if the passphrase is forgotten. Write it down now and keep it apart from this computer; it is shown only this once.</source>
        <translation>您的对话已加密。这是您的恢复密钥：忘记密码短语时可用它打开对话。请现在把它记下来，并与这台电脑分开保管；它只显示这一次。</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>您的恢复密钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Turn encryption off</source>
        <translation>关闭加密</translation>
    </message>
    <message>
        <source>Store your conversations unencrypted again? Anyone with this computer&apos;s disk could then read them.</source>
        <translation>重新以未加密方式保存您的对话？这样任何拿到这台电脑磁盘的人都能读取它们。</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>Something went wrong ({}: {}). Details are in Cove&apos;s log.</source>
        <translation>出现问题（{}：{}）。详情见 Cove 的日志。</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exporting conversations</source>
        <translation>正在导出对话</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Your conversations are encrypted, but exported files are not: they are plain files for you to keep or share.

Format:</source>
        <translation>您的对话已加密，但导出的文件不会加密：它们是供您保存或分享的普通文件。

格式：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Export failed: {}</source>
        <translation>导出失败：{}</translation>
    </message>
    <message>
        <source>There was nothing to export.</source>
        <translation>没有可导出的内容。</translation>
    </message>
    <message>
        <source>{} file</source>
        <translation>{} 个文件</translation>
    </message>
    <message>
        <source>{} files</source>
        <translation>{} 个文件</translation>
    </message>
    <message>
        <source>Exported {} to {}.</source>
        <translation>已导出 {} 到 {}。</translation>
    </message>
    <message>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Cove export (*.json)</source>
        <translation>Cove 导出文件 (*.json)</translation>
    </message>
    <message>
        <source>Import failed: {}</source>
        <translation>导入失败：{}</translation>
    </message>
    <message>
        <source>Imported {} and {}; {} already here.</source>
        <translation>已导入 {} 和 {}；{}。</translation>
    </message>
    <message>
        <source>{} conversation</source>
        <translation>{} 个对话</translation>
    </message>
    <message>
        <source>{} conversations</source>
        <translation>{} 个对话</translation>
    </message>
    <message>
        <source>{} message</source>
        <translation>{} 条消息</translation>
    </message>
    <message>
        <source>{} messages</source>
        <translation>{} 条消息</translation>
    </message>
    <message>
        <source>{} was</source>
        <translation>{} 已存在</translation>
    </message>
    <message>
        <source>{} were</source>
        <translation>{} 已存在</translation>
    </message>
</context>
<context>
    <name>FollowBottom</name>
    <message>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <source>Jump to the latest message (Ctrl+End)</source>
        <translation>跳到最新消息（Ctrl+End）</translation>
    </message>
</context>
<context>
    <name>GenerationDialog</name>
    <message>
        <source>Answer settings</source>
        <translation>回答设置</translation>
    </message>
    <message>
        <source>For this conversation. Defaults come from {} and from Settings.</source>
        <translation>用于此对话。默认值来自 {} 和设置。</translation>
    </message>
    <message>
        <source>Save as default for {}</source>
        <translation>保存为 {} 的默认值</translation>
    </message>
    <message>
        <source>Use the defaults</source>
        <translation>使用默认值</translation>
    </message>
</context>
<context>
    <name>HubSearch</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>{} repositories found. Pick one to see its files.</source>
        <translation>找到 {} 个仓库。选择一个查看其文件。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到任何内容。</translation>
    </message>
    <message>
        <source>{}   ({} downloads)</source>
        <translation>{}   （{} 次下载）</translation>
    </message>
    <message>
        <source>Listing the files of {}…</source>
        <translation>正在列出 {} 的文件…</translation>
    </message>
    <message>
        <source>{}: {} GGUF models.</source>
        <translation>{}：{} 个 GGUF 模型。</translation>
    </message>
</context>
<context>
    <name>LiveAnswer</name>
    <message>
        <source>The answer goes on: all of it can be shown when it is complete.</source>
        <translation>回答仍在继续：完成后即可完整显示。</translation>
    </message>
</context>
<context>
    <name>LocalServer</name>
    <message>
        <source>Serving your models at {}/v1</source>
        <translation>正在 {}/v1 提供您的模型</translation>
    </message>
</context>
<context>
    <name>LockActions</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Encryption and lock…</source>
        <translation>加密与锁定(&amp;E)…</translation>
    </message>
    <message>
        <source>Cove — locked</source>
        <translation>Cove — 已锁定</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Your conversations are locked</source>
        <translation>您的对话已锁定</translation>
    </message>
    <message>
        <source>Type your passphrase to unlock them. A forgotten passphrase cannot be recovered; the recovery key you wrote down works in its place.</source>
        <translation>输入密码短语即可解锁。忘记的密码短语无法找回；您记下的恢复密钥可以代替它。</translation>
    </message>
    <message>
        <source>Passphrase or recovery key</source>
        <translation>密码短语或恢复密钥</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码短语</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>New chat</source>
        <translation>新聊天</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话（Ctrl+N）</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Search all chats (Ctrl+K)</source>
        <translation>搜索所有聊天（Ctrl+K）</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Loaded model and speed</source>
        <translation>已加载的模型和速度</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Notes indexing progress</source>
        <translation>笔记索引进度</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>新聊天(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add model file…</source>
        <translation>添加模型文件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Models…</source>
        <translation>模型(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;all conversations…</source>
        <translation>导出所有对话(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import conversations…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Stop answer</source>
        <translation>停止回答(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;generate answer</source>
        <translation>重新生成回答(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Continue answer</source>
        <translation>继续回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>编辑上一条消息(&amp;E)</translation>
    </message>
    <message>
        <source>Cop&amp;y last answer</source>
        <translation>复制上一个回答(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Rename conversation…</source>
        <translation>重命名对话(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin conversation</source>
        <translation>置顶/取消置顶对话(&amp;P)</translation>
    </message>
    <message>
        <source>Arc&amp;hive / unarchive conversation</source>
        <translation>归档/取消归档对话(&amp;H)</translation>
    </message>
    <message>
        <source>S&amp;ystem prompt…</source>
        <translation>系统提示词(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Delete conversation</source>
        <translation>删除对话(&amp;D)</translation>
    </message>
    <message>
        <source>Save conversation as &amp;note…</source>
        <translation>将对话保存为笔记(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Answer settings…</source>
        <translation>回答设置(&amp;A)…</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>笔记(&amp;O)</translation>
    </message>
    <message>
        <source>Notes &amp;folders…</source>
        <translation>笔记文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Write a message</source>
        <translation>写消息(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Search all chats</source>
        <translation>搜索所有聊天(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Previous conversation</source>
        <translation>上一个对话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next conversation</source>
        <translation>下一个对话(&amp;N)</translation>
    </message>
    <message>
        <source>Show/hide &amp;conversation list</source>
        <translation>显示/隐藏对话列表(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Jump to latest</source>
        <translation>跳到最新(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Privacy…</source>
        <translation>隐私(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Cove</source>
        <translation>关于 Cove(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <source>Message copied.</source>
        <translation>已复制消息。</translation>
    </message>
    <message>
        <source>Wait for the answer to finish, or stop it (Esc).</source>
        <translation>请等待回答完成，或将其停止（Esc）。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Delete this message? The messages after it stay in the conversation.</source>
        <translation>删除这条消息？其后的消息仍保留在对话中。</translation>
    </message>
</context>
<context>
    <name>MessageHtml</name>
    <message>
        <source>… {} more characters are not shown here: Copy or export gives the whole message.</source>
        <translation>… 此处未显示另外 {} 个字符：复制或导出可获得完整消息。</translation>
    </message>
    <message>
        <source>Show all ({} more characters)</source>
        <translation>全部显示（另外 {} 个字符）</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>cited</source>
        <translation>已引用</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Reading your message…</source>
        <translation>正在读取您的消息…</translation>
    </message>
    <message>
        <source>{} / {} tokens</source>
        <translation>{} / {} 个词元</translation>
    </message>
    <message>
        <source>Attached: {} · {} tokens</source>
        <translation>附件：{} · {} 个词元</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Copy Markdown</source>
        <translation>复制 Markdown</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Save as note</source>
        <translation>保存为笔记</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一版本</translation>
    </message>
    <message>
        <source>{} tokens</source>
        <translation>{} 个词元</translation>
    </message>
    <message>
        <source>{} tokens/s</source>
        <translation>{} 词元/秒</translation>
    </message>
    <message>
        <source>first token in {} s</source>
        <translation>首个词元用时 {} 秒</translation>
    </message>
    <message>
        <source>prompt {} tokens ({} new)</source>
        <translation>提示 {} 个词元（{} 个新的）</translation>
    </message>
    <message>
        <source>drafts accepted {:.0%}</source>
        <translation>草稿接受率 {:.0%}</translation>
    </message>
    <message>
        <source>{} earlier messages were left out to fit the model&apos;s context.</source>
        <translation>为适应模型的上下文，省略了 {} 条较早的消息。</translation>
    </message>
    <message>
        <source>This answer failed.</source>
        <translation>此回答失败。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>ModelImportActions</name>
    <message>
        <source>Add model file</source>
        <translation>添加模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf);;All files (*)</source>
        <translation>GGUF 模型 (*.gguf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Not a model file</source>
        <translation>不是模型文件</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>正在添加 {}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Could not add the model</source>
        <translation>无法添加模型</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>No model yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>No model yet: open “Models…” to download one, or click “Add model file…” to use a .gguf file you have.</source>
        <translation>还没有模型：打开“模型…”下载一个，或点击“添加模型文件…”使用您已有的 .gguf 文件。</translation>
    </message>
    <message>
        <source>No model yet: click “Add model file…” to use a .gguf file from your administrator (downloads are turned off on this computer).</source>
        <translation>还没有模型：点击“添加模型文件…”使用管理员提供的 .gguf 文件（这台电脑已关闭下载）。</translation>
    </message>
    <message>
        <source>Ready. Answers come from {}: your messages are sent to it, and the conversation is kept here.</source>
        <translation>就绪。回答来自 {}：您的消息会发送到那里，对话保存在这里。</translation>
    </message>
    <message>
        <source>Loading {}…</source>
        <translation>正在加载 {}…</translation>
    </message>
    <message>
        <source>Ready. Loaded {} in {} s.</source>
        <translation>就绪。已加载 {}，用时 {} 秒。</translation>
    </message>
</context>
<context>
    <name>ModelTables</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Quant</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>For this computer</source>
        <translation>适合这台电脑吗</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>About</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>tight</source>
        <translation>紧张</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <source>fast here</source>
        <translation>此处快</translation>
    </message>
    <message>
        <source>usable here</source>
        <translation>此处可用</translation>
    </message>
    <message>
        <source>slow here</source>
        <translation>此处慢</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>(built-in)</source>
        <translation>（内置）</translation>
    </message>
</context>
<context>
    <name>ModelsActions</name>
    <message>
        <source>downloading models is turned off</source>
        <translation>已关闭模型下载</translation>
    </message>
    <message>
        <source>searching the Hub is turned off</source>
        <translation>已关闭 Hub 搜索</translation>
    </message>
    <message>
        <source>models come from {}</source>
        <translation>模型来自 {}</translation>
    </message>
    <message>
        <source>only the models your administrator allows will load</source>
        <translation>只会加载管理员允许的模型</translation>
    </message>
    <message>
        <source>shared models are in {}</source>
        <translation>共享模型位于 {}</translation>
    </message>
    <message>
        <source>Set by your administrator: {}.</source>
        <translation>由管理员设置：{}。</translation>
    </message>
    <message>
        <source>Embedding (notes)</source>
        <translation>嵌入（笔记）</translation>
    </message>
    <message>
        <source>Built-in model</source>
        <translation>内置模型</translation>
    </message>
    <message>
        <source>The starter model is part of Cove&apos;s installation and cannot be deleted here.</source>
        <translation>入门模型是 Cove 安装的一部分，无法在此删除。</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete {} ({}) from this computer?</source>
        <translation>从这台电脑删除 {}（{}）？</translation>
    </message>
    <message>
        <source>Could not delete</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <source>{} of free memory</source>
        <translation>{} 可用内存</translation>
    </message>
    <message>
        <source> and {} of free GPU memory ({})</source>
        <translation> 以及 {} 可用 GPU 内存（{}）</translation>
    </message>
    <message>
        <source>This computer has {}. “fits” leaves room for other programs, “tight” may slow the computer down, “too large” will not run well; “fast here”, “usable here” or “slow here” tells how quickly it would answer. ★ marks the best choice in each family.</source>
        <translation>这台电脑有 {}。“适合”会给其他程序留出空间，“紧张”可能拖慢电脑，“过大”将无法良好运行；“此处快”“此处可用”或“此处慢”表示回答的速度。★ 标出每个系列中的最佳选择。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>已安装的模型</translation>
    </message>
    <message>
        <source>Add model file…</source>
        <translation>添加模型文件…</translation>
    </message>
    <message>
        <source>Open containing folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Chat template…</source>
        <translation>聊天模板…</translation>
    </message>
    <message>
        <source>Use your own chat template for the selected model</source>
        <translation>为所选模型使用您自己的聊天模板</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>模型目录</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download selected model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;For your notes: find them by meaning&lt;/b&gt;</source>
        <translation>&lt;b&gt;用于您的笔记：按含义查找&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Embedding models</source>
        <translation>嵌入模型</translation>
    </message>
    <message>
        <source>Download selected embedding model</source>
        <translation>下载所选嵌入模型</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Search the Hub for GGUF models, e.g. “mistral 7b instruct”</source>
        <translation>在 Hub 上搜索 GGUF 模型，例如“mistral 7b instruct”</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>搜索文本</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Waiting for the Hub</source>
        <translation>正在等待 Hub</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting for the Hub</source>
        <translation>停止等待 Hub</translation>
    </message>
    <message>
        <source>Repositories found</source>
        <translation>找到的仓库</translation>
    </message>
    <message>
        <source>Files in the repository</source>
        <translation>仓库中的文件</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>搜索 Hub</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Draft model</source>
        <translation>草稿模型</translation>
    </message>
    <message>
        <source>Measure speed-up</source>
        <translation>测量加速</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Downloads continue where they stopped, even after Cove restarts. Each file is checked against the SHA-256 the Hub reports before it can be used.</source>
        <translation>下载会从中断处继续，即使 Cove 重启后也是如此。每个文件在使用前都会按 Hub 报告的 SHA-256 进行校验。</translation>
    </message>
    <message>
        <source>Mirror address</source>
        <translation>镜像地址</translation>
    </message>
    <message>
        <source>Hub token</source>
        <translation>Hub 令牌</translation>
    </message>
    <message>
        <source>Offline: never use the network</source>
        <translation>离线：从不使用网络</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Mirror address:</source>
        <translation>镜像地址：</translation>
    </message>
    <message>
        <source>Hub token (for gated models):</source>
        <translation>Hub 令牌（用于受限模型）：</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Administrator&apos;s policy</source>
        <translation>管理员策略</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>saved (type a new one to replace it)</source>
        <translation>已保存（输入新的即可替换）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Models come from {}.</source>
        <translation>模型来自 {}。</translation>
    </message>
    <message>
        <source>nowhere: Cove is offline</source>
        <translation>无处：Cove 处于离线状态</translation>
    </message>
    <message>
        <source>“{}” is not a web address. It should look like https://mirror.example.org</source>
        <translation>“{}”不是网址。它应类似于 https://mirror.example.org</translation>
    </message>
</context>
<context>
    <name>NoteSavingActions</name>
    <message>
        <source>Save selection as note…</source>
        <translation>将所选内容保存为笔记…</translation>
    </message>
    <message>
        <source>this answer</source>
        <translation>此回答</translation>
    </message>
    <message>
        <source>the selected text</source>
        <translation>所选文本</translation>
    </message>
    <message>
        <source>Open a conversation first, then save it as a note.</source>
        <translation>请先打开一个对话，再将其保存为笔记。</translation>
    </message>
    <message>
        <source>this conversation</source>
        <translation>此对话</translation>
    </message>
    <message>
        <source>Saving notes</source>
        <translation>保存笔记</translation>
    </message>
    <message>
        <source>Saved to {}</source>
        <translation>已保存到 {}</translation>
    </message>
</context>
<context>
    <name>NoteViewerDialog</name>
    <message>
        <source>Note: {}</source>
        <translation>笔记：{}</translation>
    </message>
    <message>
        <source>Cited passage</source>
        <translation>引用的段落</translation>
    </message>
    <message>
        <source>Note file</source>
        <translation>笔记文件</translation>
    </message>
    <message>
        <source>Note state</source>
        <translation>笔记状态</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>笔记文本</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>用默认应用打开</translation>
    </message>
    <message>
        <source>Open the note in its default app</source>
        <translation>用默认应用打开笔记</translation>
    </message>
    <message>
        <source>This note has changed since the answer: shown is the passage as it was then.</source>
        <translation>此笔记在回答之后已更改：显示的是当时的段落。</translation>
    </message>
    <message>
        <source>This note cannot be read now ({}): shown is the passage as it was when the answer was written.</source>
        <translation>此笔记现在无法读取（{}）：显示的是写出回答时的段落。</translation>
    </message>
    <message>
        <source>This note is no longer there: shown is the passage as it was when the answer was written.</source>
        <translation>此笔记已不存在：显示的是写出回答时的段落。</translation>
    </message>
</context>
<context>
    <name>NotesActions</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Set by your administrator: notes folders must be inside {}.</source>
        <translation>由管理员设置：笔记文件夹必须位于 {} 之内。</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>添加笔记文件夹</translation>
    </message>
    <message>
        <source>Adding {}…</source>
        <translation>正在添加 {}…</translation>
    </message>
    <message>
        <source>Remove notes folder</source>
        <translation>移除笔记文件夹</translation>
    </message>
    <message>
        <source>Remove {} from your notes?

Cove forgets what it read there; the files themselves are untouched.</source>
        <translation>从您的笔记中移除 {}？

Cove 会忘记在那里读到的内容；文件本身不受影响。</translation>
    </message>
    <message>
        <source>Files that could not be read ({}): they are skipped; the rest of the folder is indexed.</source>
        <translation>无法读取的文件（{}）：已跳过；文件夹的其余部分已编入索引。</translation>
    </message>
    <message>
        <source>Notes indexing paused {}%</source>
        <translation>笔记索引已暂停 {}%</translation>
    </message>
    <message>
        <source>Indexing notes {}%</source>
        <translation>正在为笔记建立索引 {}%</translation>
    </message>
    <message>
        <source>Paused: </source>
        <translation>已暂停：</translation>
    </message>
    <message>
        <source>Indexing </source>
        <translation>正在索引 </translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <source>Looking for changes in your notes folders…</source>
        <translation>正在查找笔记文件夹中的更改…</translation>
    </message>
    <message>
        <source>Meaning search is off for now: {}</source>
        <translation>含义搜索暂时关闭：{}</translation>
    </message>
    <message>
        <source>Meaning search: finding what each passage means, {} of {}…</source>
        <translation>含义搜索：正在分析每个段落的含义，{}/{}…</translation>
    </message>
    <message>
        <source>Search finds the passages that use your words. Download an embedding model (Models…, “For your notes”) to also find those that say the same in other words: “what did I pay the plumber?” then finds “invoice: boiler repair”. It runs on this computer, like everything else.</source>
        <translation>搜索会找到使用您所用字词的段落。下载一个嵌入模型（模型…，“用于您的笔记”），还能找到用其他说法表达同一意思的段落：问“我付给水管工多少钱？”就能找到“发票：锅炉维修”。它和其他一切一样在这台电脑上运行。</translation>
    </message>
    <message>
        <source>Meaning search is on ({}): passages are found by what they mean as well as by their words.</source>
        <translation>含义搜索已开启（{}）：既按含义也按字词查找段落。</translation>
    </message>
</context>
<context>
    <name>NotesChatActions</name>
    <message>
        <source>Answering from your notes</source>
        <translation>根据您的笔记回答</translation>
    </message>
    <message>
        <source>Answer from your notes folders and cite them. There are no notes folders yet: click to add one.</source>
        <translation>根据您的笔记文件夹回答并引用它们。还没有笔记文件夹：点击添加一个。</translation>
    </message>
    <message>
        <source>Answer from your notes folders, citing the passages used as [1], [2]. Remembered for this conversation.</source>
        <translation>根据您的笔记文件夹回答，并以 [1]、[2] 引用所用段落。此对话会记住该选择。</translation>
    </message>
    <message>
        <source>Cove could not save this choice ({}). Try again in a moment.</source>
        <translation>Cove 无法保存此选择（{}）。请稍后重试。</translation>
    </message>
    <message>
        <source>No notes folders yet</source>
        <translation>还没有笔记文件夹</translation>
    </message>
    <message>
        <source>Cove needs a folder of notes for this (Markdown, text, PDF, Word or HTML). It only reads it, unless you save a note there. Add a notes folder now?</source>
        <translation>Cove 需要一个笔记文件夹（Markdown、文本、PDF、Word 或 HTML）。它只读取该文件夹，除非您在其中保存笔记。现在添加笔记文件夹吗？</translation>
    </message>
    <message>
        <source>This answer does not use them.</source>
        <translation>此回答没有使用它们。</translation>
    </message>
    <message>
        <source>Your notes could not be used for this answer ({}).</source>
        <translation>此回答无法使用您的笔记（{}）。</translation>
    </message>
    <message>
        <source>Meaning search is off for now ({}); your notes were searched by their words.</source>
        <translation>含义搜索暂时关闭（{}）；已按字词搜索您的笔记。</translation>
    </message>
    <message>
        <source>The passages could not be stored ({}), so this answer does not use your notes.</source>
        <translation>无法存储段落（{}），因此此回答没有使用您的笔记。</translation>
    </message>
    <message>
        <source>Your notes could not be searched ({}). The answer does not use them.</source>
        <translation>无法搜索您的笔记（{}）。回答没有使用它们。</translation>
    </message>
    <message>
        <source>No notes folders yet, so this answer does not use your notes. Add one in Notes.</source>
        <translation>还没有笔记文件夹，因此此回答没有使用您的笔记。请在“笔记”中添加一个。</translation>
    </message>
    <message>
        <source>Nothing in your notes matches this question, so the answer does not use them.</source>
        <translation>您的笔记中没有与此问题匹配的内容，因此回答没有使用它们。</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Notes folders</source>
        <translation>笔记文件夹</translation>
    </message>
    <message>
        <source>Cove answers from the notes in these folders: Markdown, text, PDF, Word and HTML files. It only reads them and keeps its index on this computer; changes are picked up while Cove runs.</source>
        <translation>Cove 根据这些文件夹中的笔记回答：Markdown、文本、PDF、Word 和 HTML 文件。它只读取这些文件，并将索引保存在这台电脑上；Cove 运行期间会发现更改。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a notes folder</source>
        <translation>添加笔记文件夹</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected notes folder</source>
        <translation>移除所选笔记文件夹</translation>
    </message>
    <message>
        <source>Forget this folder; its files are not touched</source>
        <translation>忘记此文件夹；其中的文件不受影响</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>索引进度</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause indexing</source>
        <translation>暂停索引</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Resume indexing</source>
        <translation>继续索引</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>取消索引</translation>
    </message>
    <message>
        <source>Stop this pass; what is indexed so far is kept</source>
        <translation>停止本轮；已索引的内容会保留</translation>
    </message>
    <message>
        <source>Files that could not be read</source>
        <translation>无法读取的文件</translation>
    </message>
    <message>
        <source>Search finds passages with your words. Meaning search, which also finds passages that say the same in other words, comes with an embedding model.</source>
        <translation>搜索会找到包含您所用字词的段落。含义搜索还能找到用其他说法表达同一意思的段落，需要一个嵌入模型。</translation>
    </message>
</context>
<context>
    <name>NotesFolderModel</name>
    <message>
        <source>{} of {} · {}</source>
        <translation>{} / {} · {}</translation>
    </message>
    <message>
        <source> · about {} left</source>
        <translation> · 剩余约 {}</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Searching is turned off by your administrator.</source>
        <translation>管理员已关闭搜索。</translation>
    </message>
    <message>
        <source>Downloads are turned off by your administrator.</source>
        <translation>管理员已关闭下载。</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your conversations are stored only on this computer: no account, no telemetry, no cloud. Cove uses the network only when you ask it to, and only for these requests (to the model Hub, the mirror in use, or a remote server you added):&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;Hub address in use: &lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;您的对话只保存在这台电脑上：没有账户，没有遥测，没有云端。Cove 只在您要求时使用网络，且只用于以下请求（发往模型 Hub、所用镜像或您添加的远程服务器）：&lt;/p&gt;&lt;ul&gt;{}&lt;/ul&gt;&lt;p&gt;正在使用的 Hub 地址：&lt;b&gt;{}&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cove is offline: it makes no network requests at all.</source>
        <translation>Cove 处于离线状态：不发出任何网络请求。</translation>
    </message>
    <message>
        <source>Cove is online: the requests above are made when you use them. Turn on offline mode in Settings › Privacy to make none.</source>
        <translation>Cove 处于在线状态：上述请求在您使用时发出。在 设置 › 隐私 中开启离线模式即可不发出任何请求。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Network requests made</source>
        <translation>已发出的网络请求</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Requests Cove made ({}), newest first. The log is {}.</source>
        <translation>Cove 发出的请求（{}），最新的在前。日志为 {}。</translation>
    </message>
    <message>
        <source>Cove has made no network requests (log: {}).</source>
        <translation>Cove 没有发出任何网络请求（日志：{}）。</translation>
    </message>
</context>
<context>
    <name>RemoteServersActions</name>
    <message>
        <source>  (set by your administrator)</source>
        <translation>  （由管理员设置）</translation>
    </message>
    <message>
        <source>  · key stored</source>
        <translation>  · 已保存密钥</translation>
    </message>
    <message>
        <source>CA bundle (PEM)</source>
        <translation>CA 证书包 (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Asking {} for its models…</source>
        <translation>正在向 {} 询问其模型…</translation>
    </message>
    <message>
        <source>The key could not be stored ({}).</source>
        <translation>无法保存密钥（{}）。</translation>
    </message>
    <message>
        <source>Added {}: {} models ({}). They are in the model picker, marked “on {}”.</source>
        <translation>已添加 {}：{} 个模型（{}）。它们在模型选择器中，标记为“在 {} 上”。</translation>
    </message>
    <message>
        <source>Removed {} and its stored key.</source>
        <translation>已移除 {} 及其保存的密钥。</translation>
    </message>
</context>
<context>
    <name>RemoteServersTab</name>
    <message>
        <source>Servers that run models for Cove: vLLM, llama.cpp&apos;s llama-server, Ollama, or another Cove. Their models appear in the model picker, marked with the server&apos;s name. When you chat with one, your messages are sent to that server; the conversation is stored only on this computer.</source>
        <translation>为 Cove 运行模型的服务器：vLLM、llama.cpp 的 llama-server、Ollama 或另一个 Cove。它们的模型会出现在模型选择器中，并标有服务器名称。与其中一个聊天时，您的消息会发送到该服务器；对话只保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>远程服务器</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>移除服务器</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>optional: for an on-prem certificate</source>
        <translation>可选：用于内部证书</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>SamplingForm</name>
    <message>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Lower: focused and predictable. Higher: more varied and inventive.</source>
        <translation>较低：专注且可预测。较高：更多样、更有创意。</translation>
    </message>
    <message>
        <source>How freely the next word is picked. 0 always takes the likeliest word; around 0.7 suits conversation; above 1 wanders.</source>
        <translation>选择下一个词时的自由度。0 总是选最可能的词；0.7 左右适合对话；高于 1 会偏离主题。</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Picks only among the likeliest words that together make up this share (1 = all).</source>
        <translation>只在合计达到此比例的最可能的词中选择（1 = 全部）。</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>Picks only among this many likeliest words.</source>
        <translation>只在这么多个最可能的词中选择。</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Leaves out words less likely than this share of the likeliest one (0 = off).</source>
        <translation>排除可能性低于最可能词的此比例的词（0 = 关闭）。</translation>
    </message>
    <message>
        <source>Repeat penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Above 1 discourages repeating the same words (1 = off).</source>
        <translation>高于 1 会抑制重复相同的词（1 = 关闭）。</translation>
    </message>
    <message>
        <source>Longest answer (tokens)</source>
        <translation>最长回答（词元）</translation>
    </message>
    <message>
        <source>An answer stops after this many tokens (a token is about ¾ of a word).</source>
        <translation>回答在达到这么多个词元后停止（一个词元约为 ¾ 个英文单词）。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Random: a new answer each time. A number: the same question gets the same answer.</source>
        <translation>随机：每次得到新回答。一个数字：同一问题得到相同回答。</translation>
    </message>
</context>
<context>
    <name>SaveNoteDialog</name>
    <message>
        <source>Save as note</source>
        <translation>保存为笔记</translation>
    </message>
    <message>
        <source>Note title</source>
        <translation>笔记标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. meeting, budget</source>
        <translation>用逗号分隔，例如 会议, 预算</translation>
    </message>
    <message>
        <source>Notes folder</source>
        <translation>笔记文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>None: the text as it is</source>
        <translation>无：按原样保存文本</translation>
    </message>
    <message>
        <source>Why the note was not saved</source>
        <translation>笔记未保存的原因</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Saves {} as a Markdown file in your notes folder; it is searchable at once.</source>
        <translation>将 {} 作为 Markdown 文件保存到您的笔记文件夹；保存后即可搜索。</translation>
    </message>
    <message>
        <source>Folder for the note</source>
        <translation>笔记的文件夹</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SearchActions</name>
    <message>
        <source>Search failed ({}).</source>
        <translation>搜索失败（{}）。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到任何内容。</translation>
    </message>
    <message>
        <source>You</source>
        <translation>您</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>ServerTab</name>
    <message>
        <source>Let other programs on this computer (an editor, a script) use your models through the OpenAI API, as the cove serve command does. Your conversations stay here; requests are written to the request log without their content.</source>
        <translation>让这台电脑上的其他程序（编辑器、脚本）通过 OpenAI API 使用您的模型，与 cove serve 命令的作用相同。您的对话留在这里；请求会记入请求日志，但不含其内容。</translation>
    </message>
    <message>
        <source>Serve my models to other programs</source>
        <translation>向其他程序提供我的模型</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>仅这台电脑</translation>
    </message>
    <message>
        <source>Other computers on the network (needs the key)</source>
        <translation>网络上的其他电脑（需要密钥）</translation>
    </message>
    <message>
        <source>Who can connect</source>
        <translation>谁可以连接</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>生成新密钥</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>提供的模型</translation>
    </message>
    <message>
        <source>Copy the key now: it is shown only this once. It is stored in {}, readable by you only.</source>
        <translation>请现在复制密钥：它只显示这一次。它保存在 {} 中，只有您可以读取。</translation>
    </message>
    <message>
        <source>stored in {}</source>
        <translation>保存在 {} 中</translation>
    </message>
    <message>
        <source>none needed on this computer only</source>
        <translation>仅这台电脑时无需密钥</translation>
    </message>
    <message>
        <source>Other computers must send the key (Authorization: Bearer KEY).</source>
        <translation>其他电脑必须发送密钥（Authorization: Bearer 密钥）。</translation>
    </message>
    <message>
        <source>no models yet: download one in Models</source>
        <translation>尚无模型：请在“模型”中下载一个</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Serving at {}/v1</source>
        <translation>正在 {}/v1 提供服务</translation>
    </message>
    <message>
        <source>Not serving.</source>
        <translation>未在提供服务。</translation>
    </message>
</context>
<context>
    <name>SettingsActions</name>
    <message>
        <source>Processor</source>
        <translation>处理器</translation>
    </message>
    <message>
        <source>{} · {} cores ({} threads) · {} memory ({} free)</source>
        <translation>{} · {} 核（{} 线程）· 内存 {}（可用 {}）</translation>
    </message>
    <message>
        <source>{} · {} cores · {} memory ({} free)</source>
        <translation>{} · {} 核 · 内存 {}（可用 {}）</translation>
    </message>
    <message>
        <source>GPU: {} (this build cannot offload to it)</source>
        <translation>GPU：{}（此版本无法将计算卸载到它）</translation>
    </message>
    <message>
        <source>GPU: {}</source>
        <translation>GPU：{}</translation>
    </message>
    <message>
        <source>GPU: none used (this llama.cpp build runs models on the processor)</source>
        <translation>GPU：未使用（此 llama.cpp 版本在处理器上运行模型）</translation>
    </message>
    <message>
        <source>Load a model to see the accelerations llama.cpp uses and how it runs the model.</source>
        <translation>加载模型后即可查看 llama.cpp 使用的加速功能及其运行模型的方式。</translation>
    </message>
    <message>
        <source>Accelerations: {}</source>
        <translation>加速功能：{}</translation>
    </message>
    <message>
        <source>none beyond the basics</source>
        <translation>仅基本功能</translation>
    </message>
    <message>
        <source>all layers on the GPU</source>
        <translation>所有层都在 GPU 上</translation>
    </message>
    <message>
        <source>{} layers on the GPU</source>
        <translation>{} 层在 GPU 上</translation>
    </message>
    <message>
        <source>CPU only</source>
        <translation>仅 CPU</translation>
    </message>
    <message>
        <source>Running now: llama.cpp {} · {} · context {} tokens · {} threads for answers, {} for reading · flash attention {} · KV cache {}</source>
        <translation>当前运行：llama.cpp {} · {} · 上下文 {} 个词元 · 回答用 {} 个线程，读取用 {} 个 · flash attention {} · KV 缓存 {}</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Encryption and passphrase…</source>
        <translation>加密与密码短语…</translation>
    </message>
    <message>
        <source>Chat template</source>
        <translation>聊天模板</translation>
    </message>
    <message>
        <source>Jinja chat template for {} (leave empty to use the one in the file):</source>
        <translation>{} 的 Jinja 聊天模板（留空则使用文件中的模板）：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>How every model writes its answers, unless a model or a conversation has its own settings (Chat › Answer settings).</source>
        <translation>每个模型如何书写回答，除非某个模型或对话有自己的设置（聊天 › 回答设置）。</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>f16 (best quality)</source>
        <translation>f16（最佳质量）</translation>
    </message>
    <message>
        <source>q8_0 (half the memory; rewrites sooner)</source>
        <translation>q8_0（一半内存；改写更快）</translation>
    </message>
    <message>
        <source>q4_0 (a quarter)</source>
        <translation>q4_0（四分之一）</translation>
    </message>
    <message>
        <source>leave out the oldest messages</source>
        <translation>省略最早的消息</translation>
    </message>
    <message>
        <source>stop and tell me</source>
        <translation>停止并告诉我</translation>
    </message>
    <message>
        <source>Read my message while I type (faster first word)</source>
        <translation>在我输入时读取消息（首个词更快）</translation>
    </message>
    <message>
        <source>Context size (tokens)</source>
        <translation>上下文大小（词元）</translation>
    </message>
    <message>
        <source>Threads for answers</source>
        <translation>回答线程数</translation>
    </message>
    <message>
        <source>Threads for reading prompts</source>
        <translation>读取提示的线程数</translation>
    </message>
    <message>
        <source>GPU layers</source>
        <translation>GPU 层数</translation>
    </message>
    <message>
        <source>Flash attention</source>
        <translation>Flash Attention</translation>
    </message>
    <message>
        <source>KV cache type</source>
        <translation>KV 缓存类型</translation>
    </message>
    <message>
        <source>When a chat outgrows the context</source>
        <translation>聊天超出上下文时</translation>
    </message>
    <message>
        <source>Saved conversation states</source>
        <translation>已保存的对话状态</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>这台电脑</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Empty the trash of chats deleted more than</source>
        <translation>清空回收站中删除超过以下时间的聊天</translation>
    </message>
    <message>
        <source>Daily backups of the conversations to keep</source>
        <translation>要保留的对话每日备份数</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>system size</source>
        <translation>系统大小</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Conversation text size</source>
        <translation>对话文字大小</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Applies when Cove restarts</source>
        <translation>重启 Cove 后生效</translation>
    </message>
    <message>
        <source>Offline: never use the network, not even for model search and downloads</source>
        <translation>离线：从不使用网络，即使是搜索和下载模型</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Your conversations never leave this computer: Cove has no account, no telemetry and no cloud. The network is used only when you search for or download a model (from the Hugging Face Hub, or the mirror set in Models › Network), and when you chat with a model of a remote server (Settings › Remote servers): your messages then go to that server.</source>
        <translation>您的对话从不离开这台电脑：Cove 没有账户、没有遥测、没有云端。只有在您搜索或下载模型（从 Hugging Face Hub，或 模型 › 网络 中设置的镜像）以及与远程服务器的模型聊天（设置 › 远程服务器）时才使用网络：此时您的消息会发送到该服务器。</translation>
    </message>
    <message>
        <source>Encrypt my conversations…</source>
        <translation>加密我的对话…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>空闲多少分钟后锁定</translation>
    </message>
    <message>
        <source>Lock when idle for:</source>
        <translation>空闲多久后锁定：</translation>
    </message>
    <message>
        <source>Delete all my data…</source>
        <translation>删除我的所有数据…</translation>
    </message>
    <message>
        <source>Delete all my data</source>
        <translation>删除我的所有数据</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Remote servers</source>
        <translation>远程服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>隐私</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <source>Set by your administrator ({}):</source>
        <translation>由管理员设置（{}）：</translation>
    </message>
    <message>
        <source>Model downloads: {}</source>
        <translation>模型下载：{}</translation>
    </message>
    <message>
        <source>Hub search: {}</source>
        <translation>Hub 搜索：{}</translation>
    </message>
    <message>
        <source>Exporting conversations: {}</source>
        <translation>导出对话：{}</translation>
    </message>
    <message>
        <source>Models come only from: {}</source>
        <translation>模型仅来自：{}</translation>
    </message>
    <message>
        <source>Allowed models: {}</source>
        <translation>允许的模型：{}</translation>
    </message>
    <message>
        <source>Conversations are deleted after {} days without activity</source>
        <translation>对话在 {} 天无活动后删除</translation>
    </message>
    <message>
        <source>Only an administrator can change these.</source>
        <translation>只有管理员可以更改这些设置。</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <source>Could not save settings to {} ({}).</source>
        <translation>无法将设置保存到 {}（{}）。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Stop the answer, or cancel editing a message</source>
        <translation>停止回答，或取消编辑消息</translation>
    </message>
    <message>
        <source>Move between controls</source>
        <translation>在控件之间移动</translation>
    </message>
    <message>
        <source>Rename the selected conversation</source>
        <translation>重命名所选对话</translation>
    </message>
    <message>
        <source>Move the selected conversation to the trash</source>
        <translation>将所选对话移至回收站</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>StatusPresenter</name>
    <message>
        <source>Your computer is busy: answers are slower</source>
        <translation>您的电脑很忙：回答会变慢</translation>
    </message>
    <message>
        <source>Other programs are using most of the processor, so this answer comes slower than usual. Closing them speeds it up.</source>
        <translation>其他程序正在占用大部分处理器，因此此回答比平时慢。关闭它们可以加快速度。</translation>
    </message>
    <message>
        <source>{} tok/s</source>
        <translation>{} 词元/秒</translation>
    </message>
    <message>
        <source>context {} / {} tokens</source>
        <translation>上下文 {} / {} 个词元</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>System prompt text</source>
        <translation>系统提示词文本</translation>
    </message>
    <message>
        <source>No system prompt: the model&apos;s own default applies.</source>
        <translation>没有系统提示词：使用模型自己的默认值。</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>保存为预设…</translation>
    </message>
    <message>
        <source>Update preset</source>
        <translation>更新预设</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Instructions the model follows in this conversation:</source>
        <translation>模型在此对话中遵循的指令：</translation>
    </message>
    <message>
        <source>(custom)</source>
        <translation>（自定义）</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>保存为预设</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>Conversation transcript</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <source>Type a message below to start.</source>
        <translation>在下方输入消息即可开始。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Show {} earlier messages</source>
        <translation>显示较早的 {} 条消息</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>About Cove</source>
        <translation>关于 Cove</translation>
    </message>
    <message>
        <source>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;A private chat assistant that runs open models on this computer.&lt;br&gt;Your conversations stay on this computer. Cove sends nothing except the requests listed on the Privacy page, which you start: model search and downloads from the Hub.</source>
        <translation>&lt;b&gt;{} {}&lt;/b&gt;&lt;br&gt;一个在这台电脑上运行开放模型的私密聊天助手。&lt;br&gt;您的对话留在这台电脑上。除了“隐私”页面列出的、由您发起的请求（从 Hub 搜索和下载模型）外，Cove 不发送任何内容。</translation>
    </message>
</context>
</TS>
