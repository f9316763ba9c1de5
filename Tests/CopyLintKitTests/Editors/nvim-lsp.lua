-- Drives `copylint lsp` from headless Neovim (0.7 or later) like an editor user would:
-- open a page, wait for diagnostics, delete the repeated paragraph, apply a code action.
-- Results go to $COPYLINT_RESULT as JSON; LanguageServerEditorTests checks them.
local exe, page, result_path = vim.env.COPYLINT_EXE, vim.env.COPYLINT_PAGE, vim.env.COPYLINT_RESULT
local results = { steps = {} }
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, result_path)
  vim.cmd('qall!')
end
local function step(name) table.insert(results.steps, name) end

-- Keep what the server sent, before Neovim converts its positions to byte columns.
local raw = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  raw = result.diagnostics
  return publish(err, result, ctx, config)
end

vim.cmd('edit ' .. vim.fn.fnameescape(page))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'copylint', cmd = { exe, 'lsp' }, root_dir = vim.fn.fnamemodify(page, ':h') })
vim.lsp.buf_attach_client(buf, client_id)

local function snapshot()
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    local sent
    for _, r in ipairs(raw) do
      if r.code == (d.code or lsp.code) and r.range.start.line == d.lnum then sent = r end
    end
    table.insert(out, {
      code = d.code or lsp.code, message = d.message, severity = d.severity,
      lnum = d.lnum, byte_col = d.col, sent_range = sent and sent.range or vim.NIL,
    })
  end
  table.sort(out, function(a, b) return a.lnum < b.lnum end)
  return out
end
local function has(code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local c = d.code or (((d.user_data or {}).lsp or {}).code)
    if c == code then return d end
  end
end

if not vim.wait(30000, function() return has('duplicate-paragraph') and has('mixed-script') end, 20) then
  results.error = 'no diagnostics arrived'; return finish()
end
step('diagnostics')
results.initial = snapshot()
local client = vim.lsp.get_client_by_id(client_id)
results.offset_encoding = client.offset_encoding

-- Delete the blank line before the repeated paragraph and the paragraph itself.
local dup = has('duplicate-paragraph')
vim.api.nvim_buf_set_lines(buf, dup.lnum - 1, dup.lnum + 1, false, {})
if not vim.wait(30000, function() return not has('duplicate-paragraph') and has('mixed-script') ~= nil end, 20) then
  results.error = 'the duplicate diagnostic did not clear'; results.stuck = snapshot(); return finish()
end
step('deleted')
results.after_delete = snapshot()

-- Ask for the code actions on the traditional character and apply the fix.
local trad = has('mixed-script')
local lsp_range
for _, r in ipairs(raw) do if r.code == 'mixed-script' then lsp_range = r.range end end
local response = client.request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) }, range = lsp_range,
  context = { diagnostics = {} },
}, 10000, buf)
if not response or not response.result or #response.result == 0 then
  results.error = 'no code action'; return finish()
end
results.actions = {}
for _, a in ipairs(response.result) do table.insert(results.actions, a.title) end
vim.lsp.util.apply_workspace_edit(response.result[1].edit, client.offset_encoding)
results.fixed_line = vim.api.nvim_buf_get_lines(buf, trad.lnum, trad.lnum + 1, false)[1]
if not vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
  results.error = 'diagnostics left after the fix'; results.stuck = snapshot(); return finish()
end
step('fixed')
client.stop()
finish()
