-- Driven by neovim.test.mjs in headless Neovim, after the README's configuration (init.lua): opens
-- the Python file and the trace given in $TL_PY and $TL_TRACE, waits for tracelint's diagnostics
-- on each, asks for the code actions on the credential-param-captured finding, applies the one
-- that adds the parameter to exclude_inputs, and writes what it saw to $TL_OUT (JSON).
local out = { diagnostics = {}, actions = {}, errors = {} }
local function finish()
  local f = io.open(vim.env.TL_OUT, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end

local function diagnostics_of(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  -- Generous: the first lint loads the Python grammar (wasm) on a shared machine.
  vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), source = d.source, message = d.message })
  end
  table.sort(list, function(a, b) return a.line < b.line or (a.line == b.line and a.col < b.col) end)
  out.diagnostics[path] = list
  return buf
end

local ok, err = pcall(function()
  diagnostics_of(vim.env.TL_TRACE)
  local buf = diagnostics_of(vim.env.TL_PY)
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'credential-param-captured' then target = d end
  end
  if not target then
    table.insert(out.errors, 'no credential-param-captured diagnostic')
    return
  end
  -- The diagnostic as the server sent it: Neovim keeps its range, message and severity in its own
  -- fields and the rest (code, data) under user_data.lsp.
  local extra = (target.user_data and target.user_data.lsp) or {}
  local lsp_diag = {
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
    message = target.message, severity = target.severity, source = target.source,
    code = target.code or extra.code, data = extra.data,
  }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 30000) or {}
  local chosen, client_id
  for id, r in pairs(responses) do
    if r.err then table.insert(out.errors, vim.inspect(r.err)) end
    for _, action in ipairs(r.result or {}) do
      table.insert(out.actions, action.title)
      if action.title:find('exclude_inputs', 1, true) then chosen, client_id = action, id end
    end
  end
  if not chosen then
    table.insert(out.errors, 'no exclude_inputs code action')
    return
  end
  local client = vim.lsp.get_client_by_id(client_id)
  if not chosen.edit and not chosen.command and client.supports_method and client.supports_method('codeAction/resolve') then
    local resolved = client.request_sync('codeAction/resolve', chosen, 30000, buf)
    chosen = resolved and resolved.result or chosen
  end
  if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16') end
  if chosen.command then
    local cmd = type(chosen.command) == 'table' and chosen.command or chosen
    client.request_sync('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, 30000, buf)
  end
  out.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  out.client = client.name
end)
if not ok then table.insert(out.errors, tostring(err)) end
finish()
