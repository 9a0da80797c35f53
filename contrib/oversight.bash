# bash completion for oversight
_oversight()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-w|--warehouse|--key-file) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	case $prev in
	-w|--warehouse|--key-file|--definition|--targets|--holidays|-o|--output)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--partnership)
		COMPREPLY=($(compgen -W "devon gloucestershire perth-kinross north-east-lincolnshire dumfries-galloway" -- "$cur")); return ;;
	--jurisdiction)
		COMPREPLY=($(compgen -W "england-wales scotland" -- "$cur")); return ;;
	--profile)
		COMPREPLY=($(compgen -W "canonical activity" -f -- "$cur")); return ;;
	esac
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "init load loads partnerships agencies rejects metrics report signals check calendar profile --help --version -w --warehouse --key-file" -- "$cur"))
		return
	fi
	local period="--quarter --from --to --as-of"
	case $cmd in
	init) COMPREPLY=($(compgen -W "--definition --targets --holidays --help" -- "$cur")) ;;
	load) COMPREPLY=($(compgen -W "--profile --agency --shared --exported --json --ignore-unknown --quiet --help" -f -- "$cur")) ;;
	loads) COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
	partnerships) COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
	agencies) COMPREPLY=($(compgen -W "--partnership --as-of --json --help" -- "$cur")) ;;
	rejects) COMPREPLY=($(compgen -W "--load --help" -- "$cur")) ;;
	metrics) COMPREPLY=($(compgen -W "--partnership $period --measure --json --help" -- "$cur")) ;;
	report) COMPREPLY=($(compgen -W "board pdg resolution-group cpc scp sab girfec compare --commentary --subject --format --partnership --partnerships $period -o --output --suppress --public --measure --no-charts --allow-incomplete --help" -- "$cur")) ;;
	signals) COMPREPLY=($(compgen -W "--partnership $period --measure --json --allow-incomplete --help" -- "$cur")) ;;
	check) COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
	calendar) COMPREPLY=($(compgen -W "--jurisdiction --from --to --working-days --overrides --help" -- "$cur")) ;;
	esac
}
complete -F _oversight oversight
