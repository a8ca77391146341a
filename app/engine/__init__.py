"""The llama.cpp engine, run in a process of its own.

Only the engine process imports llama_cpp and owns the loaded model (one owner per
resource). A crash in native code, a bad file or running out of memory ends that
process, not the window, and the app side (client.EngineClient) reports it and
starts a fresh engine for the next request.
"""
