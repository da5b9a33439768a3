GB('KeysOnlyReader').filter(lambda k: k.startswith('user:1')).map(lambda k: k.upper()).run('user:*')
