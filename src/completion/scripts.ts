import { valueChoices, type FlagSpec } from './flags.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface ScriptOptions {
  /** Also complete bucket names (after --bucket, and s3://): asks S3, with the answer cached. */
  buckets: boolean;
}

const COMMAND = 's3share-tui';
const FUNCTION = '_s3share_tui';

/**
 * The completion script for a shell. Flags come from the help text; profile names come from the
 * app reading the AWS config files (`s3share-tui __complete profiles`, no network); bucket names
 * only when asked for (`__complete buckets`, which lists them once and keeps them a few minutes).
 */
export function completionScript(shell: Shell, flags: readonly FlagSpec[], options: ScriptOptions): string {
  if (shell === 'bash') return bashScript(flags, options);
  if (shell === 'zsh') return zshScript(flags, options);
  return fishScript(flags, options);
}

function allFlagWords(flags: readonly FlagSpec[]): string {
  return flags.flatMap((f) => [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])]).join(' ');
}

function valuedFlagPattern(flags: readonly FlagSpec[]): string {
  return flags
    .filter((f) => f.value)
    .map((f) => `--${f.long}`)
    .join('|');
}

function choiceCases(flags: readonly FlagSpec[], body: (flag: string, choices: string[]) => string): string[] {
  return flags.flatMap((f) => {
    const choices = valueChoices(f);
    return choices ? [body(`--${f.long}`, choices)] : [];
  });
}

function bashScript(flags: readonly FlagSpec[], { buckets }: ScriptOptions): string {
  const bucketLines = buckets ? [`    --bucket) ${FUNCTION}_words "$(${FUNCTION}_buckets)" "$cur"; return ;;`] : [];
  const s3Lines = buckets
    ? [
        '  if [[ $cur == s3:* ]]; then',
        `    local names; names=$(${FUNCTION}_buckets | sed 's#^#s3://#; s#$#/#')`,
        `    ${FUNCTION}_words "$names" "$cur"`,
        '    # Bash splits words at ":"; offer only what follows the last one typed.',
        '    local typed=${cur%"${cur##*:}"}',
        '    COMPREPLY=("${COMPREPLY[@]#"$typed"}")',
        '    compopt -o nospace 2>/dev/null',
        '    return',
        '  fi',
      ]
    : [];
  return [
    `# ${COMMAND} completion for bash. Load it with: source <(${COMMAND} completion bash)`,
    `# or save it as ~/.local/share/bash-completion/completions/${COMMAND}`,
    `${FUNCTION}_words() {`,
    "  local IFS=$'\\n'",
    '  COMPREPLY=($(compgen -W "$1" -- "$2"))',
    '}',
    `${FUNCTION}_profile() {`,
    '  local i',
    '  for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do',
    '    [[ ${COMP_WORDS[i]} == --profile ]] && { printf \'%s\' "${COMP_WORDS[i+1]}"; return; }',
    '  done',
    '}',
    `${FUNCTION}_buckets() {`,
    '  local profile; profile=$(' + `${FUNCTION}_profile` + ')',
    `  ${COMMAND} __complete buckets \${profile:+--profile "$profile"} 2>/dev/null`,
    '}',
    `${FUNCTION}() {`,
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}',
    '  # The word being typed as the person sees it (bash splits s3://b at the colon).',
    '  if [[ -n ${COMP_LINE-} ]]; then',
    '    local line=${COMP_LINE:0:COMP_POINT}',
    '    cur=${line##*[[:space:]]}',
    '  fi',
    '  if [[ $COMP_CWORD -eq 1 && completion == "$cur"* && $cur != -* ]]; then COMPREPLY=(completion); return; fi',
    `  if [[ \${COMP_WORDS[1]} == completion ]]; then ${FUNCTION}_words "${[...SHELLS, '--complete-buckets'].join('\n')}" "$cur"; return; fi`,
    '  case $prev in',
    `    --profile) ${FUNCTION}_words "$(${COMMAND} __complete profiles 2>/dev/null)" "$cur"; return ;;`,
    ...choiceCases(
      flags,
      (flag, choices) => `    ${flag}) ${FUNCTION}_words "${choices.join('\n')}" "$cur"; return ;;`,
    ),
    ...bucketLines,
    `    ${valuedFlagPattern(flags)}) COMPREPLY=(); return ;;`,
    '  esac',
    `  if [[ $cur == -* ]]; then ${FUNCTION}_words "${allFlagWords(flags).replace(/ /g, '\n')}" "$cur"; return; fi`,
    ...s3Lines,
    '  COMPREPLY=()',
    '}',
    `complete -F ${FUNCTION} ${COMMAND}`,
    '',
  ].join('\n');
}

function zshScript(flags: readonly FlagSpec[], { buckets }: ScriptOptions): string {
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  const describe = flags.flatMap((f) => {
    const text = f.description.replace(/:/g, '\\:');
    return [`--${f.long}:${text}`, ...(f.short ? [`-${f.short}:${text}`] : [])];
  });
  return [
    `#compdef ${COMMAND}`,
    `# ${COMMAND} completion for zsh. Load it with: source <(${COMMAND} completion zsh)`,
    `# or save it as _${COMMAND} in a directory of your $fpath`,
    `${FUNCTION}_buckets() {`,
    '  local i profile',
    '  for ((i = 2; i < CURRENT; i++)); do [[ ${words[i]} == --profile ]] && profile=${words[i+1]}; done',
    `  ${COMMAND} __complete buckets \${profile:+--profile} \${profile:+$profile} 2>/dev/null`,
    '}',
    `${FUNCTION}() {`,
    '  local cur=${words[CURRENT]} prev=${words[CURRENT-1]}',
    '  if (( CURRENT == 2 )) && [[ $cur != -* ]] && [[ completion == $cur* ]]; then compadd completion; return; fi',
    `  if [[ \${words[2]} == completion ]]; then compadd ${SHELLS.join(' ')} --complete-buckets; return; fi`,
    '  case $prev in',
    `    --profile) compadd -- \${(f)"$(${COMMAND} __complete profiles 2>/dev/null)"}; return ;;`,
    ...choiceCases(flags, (flag, choices) => `    ${flag}) compadd ${choices.join(' ')}; return ;;`),
    ...(buckets ? [`    --bucket) compadd -- \${(f)"$(${FUNCTION}_buckets)"}; return ;;`] : []),
    `    ${valuedFlagPattern(flags)}) return ;;`,
    '  esac',
    '  if [[ $cur == -* ]]; then',
    `    local -a options=(${describe.map(quote).join(' ')})`,
    '    _describe option options',
    '    return',
    '  fi',
    ...(buckets
      ? [
          '  if [[ $cur == s3:* ]]; then',
          `    local -a names=(\${(f)"$(${FUNCTION}_buckets)"})`,
          "    compadd -S '' -- ${names/#/s3://}/",
          '  fi',
        ]
      : []),
    '}',
    'if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then',
    `  ${FUNCTION} "$@"`,
    'else',
    `  compdef ${FUNCTION} ${COMMAND}`,
    'fi',
    '',
  ].join('\n');
}

function fishScript(flags: readonly FlagSpec[], { buckets }: ScriptOptions): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const bucketsCommand = `${COMMAND} __complete buckets (${FUNCTION}_profile) 2>/dev/null`;
  const lines = [
    `# ${COMMAND} completion for fish. Load it with: ${COMMAND} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${COMMAND}.fish`,
    `function ${FUNCTION}_profile`,
    '    set -l words (commandline -opc)',
    '    set -l at (contains -i -- --profile $words)',
    '    and set -q words[(math $at + 1)]',
    '    and printf "%s\\n" --profile $words[(math $at + 1)]',
    'end',
    `complete -c ${COMMAND} -f`,
    `complete -c ${COMMAND} -n '__fish_use_subcommand' -a completion -d 'print a shell completion script'`,
    `complete -c ${COMMAND} -n '__fish_seen_subcommand_from completion' -a '${SHELLS.join(' ')}'`,
    `complete -c ${COMMAND} -n '__fish_seen_subcommand_from completion' -l complete-buckets -d 'also complete bucket names'`,
  ];
  for (const flag of flags) {
    const parts = [`complete -c ${COMMAND}`, `-l ${flag.long}`];
    if (flag.short) parts.push(`-s ${flag.short}`);
    if (flag.value) parts.push('-x');
    const choices = valueChoices(flag);
    if (flag.long === 'profile') parts.push(`-a '(${COMMAND} __complete profiles 2>/dev/null)'`);
    else if (flag.long === 'bucket' && buckets) parts.push(`-a '(${bucketsCommand})'`);
    else if (choices) parts.push(`-a '${choices.join(' ')}'`);
    parts.push(`-d ${quote(flag.description)}`);
    lines.push(parts.join(' '));
  }
  if (buckets) {
    lines.push(
      `complete -c ${COMMAND} -n 'string match -q -- "s3:*" (commandline -ct)' -a '(${bucketsCommand} | string replace -r -- "(.+)" "s3://\\$1/")'`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
