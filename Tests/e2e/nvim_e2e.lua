-- Headless Neovim as an LSP client of `notelint lsp`: opens the file given on the command line,
-- waits for the diagnostics and writes them (lnum, col in bytes, end_col, code, message) as JSON to
-- $NOTELINT_NVIM_OUT. Started by ServerCLITests with NOTELINT_BINARY and NOTELINT_TODAY set.
local binary = os.getenv("NOTELINT_BINARY")
local out = os.getenv("NOTELINT_NVIM_OUT")
local config = {
  name = "notelint",
  cmd = { binary, "lsp", "--debounce", "20" },
  root_dir = vim.fn.getcwd(),
  init_options = { notelint = { today = os.getenv("NOTELINT_TODAY") } },
}
local buffer = vim.api.nvim_get_current_buf()
if vim.lsp.start then
  vim.lsp.start(config)
else
  local client = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buffer, client)
end
local found = vim.wait(20000, function() return #vim.diagnostic.get(buffer) > 0 end, 50)
local items = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  table.insert(items, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ found = found, diagnostics = items }))
file:close()
vim.cmd("qa!")
