package emulator

// Reply strings of RedisGears 1.2, byte for byte (see the reference notes
// in /work/shared/reference/redisgears-1x.md §9-§10).
const (
	msgMultiExec            = "Can not run gears inside a multi exec, lua, or when blocking is not allowed"
	msgUnknownArgs          = "Unknown arguments were given: %s"
	msgIDMissing            = "ID is missing"
	msgDescMissing          = "DESCRIPTION is missing"
	msgReplaceWithMissing   = "REPLACE_WITH is missing"
	msgBadID                = "ID must be compose of: ['A'-'Z' | 'a'-'z' | '0' - '9' | '-' | '_']"
	msgSessionExists        = "Session %s already exists"
	msgReplaceExisting      = "Can not replace an existing session %s with %s"
	msgReplaceMissing       = "Can not replace with %s, session does not exists."
	msgRequirements         = "Could not satisfy requirements, look at the log file for more information."
	msgNoExecution          = "execution plan does not exist"
	msgStillRunning         = "execution is still running"
	msgAbortNoExecution     = "execution does not exist"
	msgDropRunning          = "can not drop a not yet finished execution, abort it first."
	msgNoClusterUseShard    = "no cluster detected - use RG.GETEXECUTION <id> [SHARD] instead"
	msgUnknownSubcommand    = "unknown subcommand"
	msgNotRegistered        = "execution is not registered"
	msgNoPause              = "Reader %s does not support pause"
	msgTriggerNotFound      = "ERR subcommand not found"
	msgTriggerExists        = "trigger already registered"
	msgNoClusterMode        = "no cluster mode"
	msgUnsupportedConfig    = "Unsupported config parameter: %s"
	msgExtraConfigSaved     = "OK - value was saved in extra config dictionary"
	msgHookOneResult        = "Command hook must return exactly one result"
	msgSessionNotExists     = "Session %s does not exists"
	msgSessionDoesNotExist  = "session does not exists"
	msgProfileSubcommand    = "Wrong subcommand given to RG.PYPROFILE"
	msgRequirementNotExists = "requirement does not exists"
	msgBadRequirement       = "Failed deserialize requirement"
	msgNoAuth               = "NOAUTH Authentication required."
	msgWrongPass            = "WRONGPASS invalid username-password pair or user is disabled."
	msgAuthNotConfigured    = "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?"
	msgWrongArity           = "ERR wrong number of arguments for '%s' command"
	msgStoreDown            = "ERR the emulator lost its store connection: %v"
	msgWorkerDied           = "the python worker exited; it was restarted"
	msgAborted              = "Execution was aborted"
	msgConfigNotNumber      = "Failed setting configuration value"
	msgHookMovableKeys      = "Can not hook a command with moveable keys by key prefix"
	msgHookNoScript         = "Can not hook a command which are not allowed inside a script"
	msgHookNoCommand        = "bad reply on COMMAND command"
	msgHookNoFirstKey       = "Can not hook a command by key prefix with none positive first key"
	msgHookNoKeyStep        = "Can not override a command by key prefix with none positive jump"
)

// Reply strings of the emulator's own, where RedisGears' text is unknown.
const (
	// msgGearTransaction answers a gear's execute() of a transaction
	// command, which RM_Call refuses.
	msgGearTransaction = "ERR %s is not allowed in execute(): a gear cannot run transactions; use 'with atomic():' to run commands atomically"
	// msgGearSelect answers a gear's execute() of SELECT, which would
	// move a shared store connection to another database.
	msgGearSelect = "ERR %s is not allowed in execute(): gears work on the emulator's database only; keep the keys a gear uses there (or serve the other database with a second emulator)"
	// msgGearSubscribe answers a gear's execute() of SUBSCRIBE,
	// PSUBSCRIBE, SSUBSCRIBE or MONITOR: a gear cannot wait for messages.
	msgGearSubscribe = "ERR %s is not allowed in execute(): a gear cannot wait for messages; register a KeysReader or StreamReader gear to react to writes, or PUBLISH from the gear to a subscribed client"
	// msgGearConnState answers a gear's execute() of a command that
	// changes its connection's state (RESET, QUIT, HELLO, AUTH, CLIENT
	// REPLY, CLIENT TRACKING...), which gears share.
	msgGearConnState = "ERR %s is not allowed in execute(): it changes the state of the store connection gears share; send it from a client connection instead"
)
