GB('KeysReader').flatmap(lambda r: r['value'].split()).countby().run('doc:*')
